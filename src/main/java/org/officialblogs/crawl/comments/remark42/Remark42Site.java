package org.officialblogs.crawl.comments.remark42;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A blog whose comments live on a Remark42 server ({@code var remark_config = {host: ..., site_id: ...}} and
 * {@code <div id="remark42">}).
 *
 * @param host   the Remark42 server
 * @param siteId the site id ("remark" when the page sets none)
 */
public record Remark42Site(URI host, String siteId, String evidence) implements CommentSystem {
    public static final String HOST = "host";
    public static final String SITE_ID = "site_id";
    /** Remark42's site id when the page's configuration names none. */
    public static final String DEFAULT_SITE_ID = "remark";

    public Remark42Site {
        Objects.requireNonNull(host, "host");
        siteId = siteId == null || siteId.isBlank() ? DEFAULT_SITE_ID : siteId;
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.REMARK42;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(HOST, host.toString(), SITE_ID, siteId);
    }

    /** The thread is the page's configured {@code url}, else its origin and path (Remark42's default). */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        String url = post.threadId() != null ? post.threadId() : post.url().getScheme() + "://"
                + post.url().getRawAuthority() + (post.url().getRawPath() == null ? "" : post.url().getRawPath());
        return Optional.of(new Remark42Comments(host, siteId, url, 100));
    }
}
