package org.officialblogs.crawl.comments.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.feed.PlatformMatch;

/**
 * What a post page says about where its comments live.
 *
 * @param platform the blog platform and the clue that decided it
 * @param systems  the comment systems found, the one showing the page's comments first: an embedded service, then
 *                 the platform's own comments, then the page's comment markup, then the WordPress REST API (read
 *                 when pages and feeds show no authorship)
 * @param post     the page as a post to read: its URL, the platform's post id, its title and any thread id the
 *                 page names for its comment service
 */
public record CommentSystemDetection(PlatformMatch platform, List<CommentSystem> systems, PostRef post) {

    public CommentSystemDetection {
        Objects.requireNonNull(platform, "platform");
        systems = List.copyOf(systems);
        Objects.requireNonNull(post, "post");
    }

    /** The system that shows the page's comments, or empty when the page shows none the crawler knows. */
    public Optional<CommentSystem> primary() {
        return systems.isEmpty() ? Optional.empty() : Optional.of(systems.get(0));
    }

    /** The primary system's verdict before anything was read, or empty when no system was found. */
    public Optional<RepliesMeasurable> measurable() {
        return primary().map(CommentSystem::measurable);
    }
}
