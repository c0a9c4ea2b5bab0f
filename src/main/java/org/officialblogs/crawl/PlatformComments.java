package org.officialblogs.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.detect.CommentSystemDetection;
import org.officialblogs.crawl.comments.detect.FeedPosts;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;
import org.officialblogs.crawl.feed.Platform;

/** Pure steps of reading comments where a blog's platform keeps them: what to store per blog, and per post. */
final class PlatformComments {
    /** Setting kept with page markup: the WordPress REST root the page announced, read when pages show no authorship. */
    static final String WORDPRESS_REST_ROOT = "wordpress_rest_root";

    private PlatformComments() {
    }

    /**
     * The blog's comment system from what a post page showed: the system that shows the page's comments; for page
     * markup, the announced WordPress REST API kept beside it. Empty when the page shows no comment system.
     *
     * @param feedPlatform the platform the feed showed, used when the page shows none
     */
    static Optional<BlogCommentSystem> fromDetection(long blogId, CommentSystemDetection d, Platform feedPlatform,
                                                     Instant now) {
        if (d.primary().isEmpty()) {
            return Optional.empty();
        }
        CommentSystem primary = d.primary().get();
        Map<String, String> settings = new HashMap<>(primary.settings());
        if (primary.service() == CommentService.PAGE_MARKUP) {
            d.systems().stream().filter(WordPressRestSite.class::isInstance).map(WordPressRestSite.class::cast)
                    .findFirst().ifPresent(rest -> settings.put(WORDPRESS_REST_ROOT, rest.apiRoot().toString()));
        }
        boolean pageKnows = d.platform().platform() != Platform.OTHER;
        Platform platform = pageKnows ? d.platform().platform() : feedPlatform;
        return Optional.of(new BlogCommentSystem(blogId, platform == null ? null : platform.code(),
                pageKnows ? d.platform().evidence() : platform == null ? null : "the blog's feed",
                primary.service(), primary.evidence(), settings, null, null, primary.measurable(), null, null, now,
                now));
    }

    /** The post as the comment APIs need it: what the post page named, else what its feed item gave. */
    static PostRef postRef(CommentDao.PostToCheck post, Platform platform, PostRef fromPage) {
        URI url = URI.create(post.url());
        PostRef fromFeed = FeedPosts.postRef(platform == null ? Platform.OTHER : platform, url, post.guid(),
                post.platformPostId(), post.title());
        if (fromPage == null) {
            return fromFeed;
        }
        PostRef ref = fromPage;
        if (ref.platformPostId() == null) ref = ref.withPlatformPostId(fromFeed.platformPostId());
        if (ref.title() == null) ref = ref.withTitle(fromFeed.title());
        return ref;
    }

    /** Whether nothing in the comments says which account wrote them (no platform flag, account id or profile). */
    static boolean noAuthorship(List<Comment> comments) {
        return comments.stream().allMatch(c -> c.flags().isEmpty() && c.authorUserId() == null
                && c.authorProfileUrl() == null);
    }

    /**
     * The blog's system with the signal that recognised the official in these comments (the strongest one found),
     * unchanged when no comment was the official's.
     */
    static BlogCommentSystem withSignal(BlogCommentSystem system, List<Comment> decided, PostAuthor author) {
        Comment strongest = null;
        for (Comment c : decided) {
            if (c.isOfficial() && (strongest == null || c.decidedBy().ordinal() < strongest.decidedBy().ordinal())) {
                strongest = c;
            }
        }
        if (strongest == null) {
            return system;
        }
        return system.withOfficialSignal(strongest.decidedBy().code(), detail(strongest, author));
    }

    private static String detail(Comment c, PostAuthor author) {
        AuthorshipSignal s = c.decidedBy();
        return switch (s) {
            case ACCOUNT_ID_MATCH -> "the post author's account id " + author.userId();
            case POST_BYLINE_ACCOUNT -> "an account in the post's byline (" + c.authorUserId() + ")";
            case REPOSITORY_OWNER -> "the owner of the repository holding the comments";
            case PROFILE_MATCH -> "the post author's profile " + author.profileUrl();
            case POST_AUTHOR_NAME -> "the post author's name as the platform states it";
            case ALIAS -> "a name a moderator set for this blog's official";
            default -> s.explanation();
        };
    }
}
