package org.officialblogs.crawl.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.ParsedFeed;

/**
 * Real feeds of the test corpus ({@code src/test/resources/feeds}, origin and licence in its MANIFEST.tsv) as they
 * were at an earlier time: the same bytes with the newest items taken out, as a feed looked before those posts.
 */
final class ArchiveFixtures {

    /** The WordPress 2.8 blog norm2782.com, early 2009, in RSS 2.0 (its /feed/) and Atom 1.0 (its /feed/atom/). */
    static final String NORM_RSS = "wordpress-wp2.8-rss2-dc-atom.rss.xml";
    static final String NORM_ATOM = "wordpress-atom10-thr.atom.xml";
    /** The TypePad blog avibryant.com, 2007-2008, in RSS 1.0. */
    static final String AVI_RDF = "typepad-hrefconsideredharmful.rss10.xml";

    private static final Pattern ITEM = Pattern.compile("(?s)<(item|entry)[\\s>].*?</\\1>\\s*");

    private ArchiveFixtures() {
    }

    static byte[] feed(String name) {
        try (InputStream in = ArchiveFixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource /feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The feed without its {@code dropNewest} first items (feeds list the newest first) and with at most
     * {@code keep} of the rest; the bytes around the items are untouched, whatever the encoding.
     */
    static byte[] olderItems(byte[] feed, int dropNewest, int keep) {
        String text = new String(feed, StandardCharsets.ISO_8859_1); // one char per byte: any encoding survives
        Matcher m = ITEM.matcher(text);
        List<int[]> items = new ArrayList<>();
        while (m.find()) {
            items.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            boolean kept = i >= dropNewest && i < dropNewest + keep;
            if (!kept) {
                out.append(text, at, items.get(i)[0]);
                at = items.get(i)[1];
            }
        }
        out.append(text.substring(at));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static ParsedFeed read(byte[] bytes, String url) {
        FeedReadResult result = new FeedReader().read(bytes, null, URI.create(url));
        if (result instanceof FeedReadResult.Success success) {
            return success.feed();
        }
        throw new AssertionError("not read as a feed: " + result);
    }
}
