package org.officialblogs.crawl.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads test resources and unwraps reader results. */
final class FeedFixtures {

    private FeedFixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = FeedFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] feedFile(String name) {
        return bytes("/feeds/" + name);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ParsedFeed parsed(FeedReadResult result) {
        assertThat(result).as("read result").isInstanceOf(FeedReadResult.Success.class);
        return ((FeedReadResult.Success) result).feed();
    }

    static FeedReadResult.Failure failure(FeedReadResult result) {
        assertThat(result).as("read result").isInstanceOf(FeedReadResult.Failure.class);
        return (FeedReadResult.Failure) result;
    }

    static ParsedFeed read(String xml) {
        return parsed(new FeedReader().read(utf8(xml), null, URI.create("https://blog.example.org/feed/")));
    }
}
