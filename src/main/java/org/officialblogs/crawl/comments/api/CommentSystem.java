package org.officialblogs.crawl.comments.api;

import java.util.Map;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.RepliesMeasurable;

/**
 * A blog's comment system as found on its pages: which service, the clue that decided it, the settings that
 * locate the blog's comments there, and how to read one post's comments.
 */
public interface CommentSystem {

    CommentService service();

    /** The clue that decided it ("script giscus.app/client.js data-repo=..."), for logs and moderators. */
    String evidence();

    /** What to store per blog to read its comments later without the page (host, site id, repository...). */
    Map<String, String> settings();

    /**
     * The reading of one post's comments, or empty when this system is not read through an API (page markup is
     * read by the page and feed readers; Disqus, Facebook, Hyvor and Medium are not read at all) or the post
     * lacks what the API needs (a Ghost post without its id).
     */
    Optional<CommentApi> forPost(PostRef post);

    /** The verdict before any comment was read. */
    default RepliesMeasurable measurable() {
        return RepliesMeasurable.of(service());
    }
}
