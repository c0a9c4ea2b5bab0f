package org.officialblogs.crawl.comments.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;

/**
 * A comment system read without an API: the blog's own page markup and comment feeds, or a service that is not
 * read at all (Medium, Disqus, Facebook, Hyvor).
 */
public record DetectedService(CommentService service, String evidence) implements CommentSystem {
    public DetectedService {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        return Optional.empty();
    }
}
