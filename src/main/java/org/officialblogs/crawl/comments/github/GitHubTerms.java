package org.officialblogs.crawl.comments.github;

import java.net.URI;
import java.util.Locale;
import org.officialblogs.crawl.comments.PostRef;

/**
 * The search term giscus and utterances map a page to, computed as their scripts do from the page's address or
 * title; pure.
 */
public final class GitHubTerms {

    private GitHubTerms() {
    }

    /**
     * The term for a mapping, or null when the post lacks what it needs (a title mapping without a title).
     *
     * @param mapping  "pathname" (the default), "url", "title", "og:title", or "specific" (then {@code specific})
     * @param specific the configured term of the "specific" mapping
     */
    public static String term(String mapping, String specific, PostRef post) {
        String m = mapping == null ? "pathname" : mapping.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "url" -> url(post.url());
            case "title", "og:title" -> post.title() == null || post.title().isBlank() ? null : post.title().strip();
            case "specific" -> specific == null || specific.isBlank() ? null : specific.strip();
            default -> pathname(post.url());
        };
    }

    /** The path without its leading slash and file extension; "index" for the root. */
    public static String pathname(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.length() < 2) {
            return "index";
        }
        return path.substring(1).replaceFirst("\\.\\w+$", "");
    }

    /** The address without its fragment, as the scripts' "url" mapping sees it. */
    public static String url(URI url) {
        String s = url.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
