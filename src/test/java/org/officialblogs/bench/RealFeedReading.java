package org.officialblogs.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;

/**
 * The reader's own cost on real platforms' feeds: the feeds of the test corpus (WordPress, Blogger, Ghost, Substack,
 * Medium, Movable Type, Drupal, Hugo, Jekyll, Tumblr, Squarespace, old RSS 0.9x and 1.0, legacy encodings), read as
 * the crawler reads them (decode, repair, parse, map, clean each summary) against Rome alone parsing the same bytes.
 * No network, no database: what the synthetic web's crawl rows cannot show, since its feeds are uniform and their
 * summaries plain text.
 */
final class RealFeedReading {

    /** One measurement: a round reads every feed once. */
    record Result(int feeds, long bytes, int rounds, double readerMillisARound, double romeMillisARound) {}

    private RealFeedReading() {
    }

    static Result measure(int warmUpRounds, int rounds) throws Exception {
        List<byte[]> feeds = corpus();
        FeedReader reader = new FeedReader();
        URI base = URI.create("https://blog.example.org/feed/");
        for (int r = 0; r < warmUpRounds; r++) {
            for (byte[] feed : feeds) {
                rome(feed);
                read(reader, feed, base);
            }
        }
        long romeNanos = 0;
        long readerNanos = 0;
        for (int r = 0; r < rounds; r++) {
            for (byte[] feed : feeds) { // side by side, feed by feed: the machine's noise falls on both alike
                long t0 = System.nanoTime();
                rome(feed);
                long t1 = System.nanoTime();
                read(reader, feed, base);
                long t2 = System.nanoTime();
                romeNanos += t1 - t0;
                readerNanos += t2 - t1;
            }
        }
        long bytes = feeds.stream().mapToLong(b -> b.length).sum();
        return new Result(feeds.size(), bytes, rounds, readerNanos / 1e6 / rounds, romeNanos / 1e6 / rounds);
    }

    /** The corpus's feeds that Rome itself can parse (the others are not a like-for-like comparison). */
    private static List<byte[]> corpus() throws Exception {
        List<byte[]> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                byte[] body = Files.readAllBytes(file);
                try {
                    rome(body);
                } catch (Exception notForRome) {
                    continue;
                }
                feeds.add(body);
            }
        }
        if (feeds.isEmpty()) throw new IllegalStateException("no feeds in " + corpusDirectory());
        return feeds;
    }

    private static Path corpusDirectory() throws URISyntaxException {
        return Path.of(RealFeedReading.class.getResource("/feeds").toURI());
    }

    private static void read(FeedReader reader, byte[] feed, URI base) {
        if (!(reader.read(feed, "application/xml", base) instanceof FeedReadResult.Success)) {
            throw new IllegalStateException("the reader refused a feed Rome parses");
        }
    }

    /** Rome alone parsing the bytes, as a plain Rome reader would: the baseline of the suite's feed rows. */
    static void rome(byte[] body) throws Exception {
        new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }
}
