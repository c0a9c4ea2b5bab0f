package org.officialblogs.crawl.comments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test resources and small builders shared by this package's tests. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String classpathResource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + classpathResource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static List<String> ids(List<Comment> comments) {
        return comments.stream().map(Comment::id).toList();
    }

    static List<String> officialIds(List<Comment> comments) {
        return comments.stream().filter(Comment::isOfficial).map(Comment::id).toList();
    }

    static Comment byId(List<Comment> comments, String id) {
        return comments.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no comment " + id));
    }
}
