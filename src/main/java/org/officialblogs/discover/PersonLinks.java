package org.officialblogs.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.registry.HttpUrls;

/**
 * The addresses a source gives for one person, reduced to candidates: one per normalised address (an address given
 * twice keeps its strongest kind: blog, then feed, then website), and a feed beside an own blog becomes that blog's
 * feed hint when it is on the blog's host or when the person has exactly one blog.
 */
final class PersonLinks {

    /** One address to propose, with the feed the source gives for it (or null). */
    record Link(String url, LinkKind kind, String feedHint) {}

    private final Map<String, Link> byKey = new LinkedHashMap<>();

    /** Adds an address; false when it is not an http(s) address (the caller says so). */
    boolean add(String url, LinkKind kind) {
        Optional<String> key = HttpUrls.key(url);
        if (key.isEmpty()) return false;
        byKey.merge(key.get(), new Link(url.strip(), kind, null),
                (a, b) -> a.kind().ordinal() <= b.kind().ordinal() ? a : b);
        return true;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    List<Link> links() {
        List<Link> all = new ArrayList<>(byKey.values());
        List<Link> blogs = all.stream().filter(l -> l.kind() == LinkKind.BLOG).toList();
        Map<Link, String> hints = new LinkedHashMap<>();
        for (Link feed : all) {
            if (feed.kind() != LinkKind.FEED) continue;
            Link blog = blogs.stream().filter(b -> !hints.containsKey(b) && host(b.url()).equals(host(feed.url())))
                    .findFirst().orElse(blogs.size() == 1 && !hints.containsKey(blogs.get(0)) ? blogs.get(0) : null);
            if (blog != null) hints.put(blog, feed.url());
        }
        List<Link> out = new ArrayList<>();
        for (Link l : all) {
            if (l.kind() == LinkKind.FEED && hints.containsValue(l.url())) continue;
            out.add(new Link(l.url(), l.kind(), hints.get(l)));
        }
        return out;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
