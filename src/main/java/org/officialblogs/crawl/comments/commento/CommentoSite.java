package org.officialblogs.crawl.comments.commento;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A blog whose comments live on a Commento server ({@code <script src=".../js/commento.js">} and
 * {@code <div id="commento">}). Its list is asked by POST, which the crawler's Fetcher does not send yet.
 *
 * @param origin the Commento server: the script's origin, or {@code https://commento.io} for the hosted service's
 *               CDN
 */
public record CommentoSite(URI origin, String evidence) implements CommentSystem {
    public static final String ORIGIN = "origin";

    public CommentoSite {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.COMMENTO;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(ORIGIN, origin.toString());
    }

    /** The page's {@code data-page-id} when it names one, else its path, on the page's host. */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        String path = post.threadId() != null ? post.threadId()
                : post.url().getRawPath() == null || post.url().getRawPath().isEmpty() ? "/" : post.url().getRawPath();
        return Optional.of(new CommentoComments(origin, post.url().getRawAuthority(), path));
    }
}
