package org.officialblogs.crawl.comments.isso;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A blog whose comments live on an Isso server ({@code <script data-isso="..." src=".../js/embed.min.js">} and
 * {@code <section id="isso-thread">}).
 *
 * @param endpoint the Isso server
 */
public record IssoSite(URI endpoint, String evidence) implements CommentSystem {
    public static final String ENDPOINT = "endpoint";

    public IssoSite {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.ISSO;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(ENDPOINT, endpoint.toString());
    }

    /** The thread is the page's {@code data-isso-id} when it names one, else the page's path (Isso's default). */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        String uri = post.threadId() != null ? post.threadId()
                : post.url().getRawPath() == null || post.url().getRawPath().isEmpty() ? "/" : post.url().getRawPath();
        return Optional.of(new IssoComments(endpoint, uri, 100));
    }
}
