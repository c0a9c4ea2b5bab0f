package org.officialblogs.crawl.comments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accumulates a post's comments across crawls; pure.
 *
 * <p>A WordPress comment feed shows only the newest ten comments and its window slides between crawls, so what
 * was seen once must be kept: {@link #merge} never drops a comment.
 */
public final class CommentHistory {
    private static final Comparator<Comment> TIMELINE = Comparator
            .comparing(Comment::published, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.key().idSpace())
            .thenComparing(c -> c.id().length())
            .thenComparing(Comment::id);

    private CommentHistory() {
    }

    /**
     * Merges what a crawl saw into what earlier crawls saw, keyed by {@link Comment#key()} (id space and id: the
     * same WordPress comment from the feed and from the page is one comment).
     *
     * <p>Field by field, the newly seen non-null value wins and a null never erases a known value; platform flags
     * are united (a flag seen once on the page stays when the feed, which has none, is read later); the source
     * kept is the richer one (a page, then REST or Blogger's feed, then Atom, then RSS; the newer on a tie).
     * A merged comment keeps a decision only when the fields that decide authorship are unchanged from the record
     * whose decision it keeps; otherwise it comes back UNDECIDED: run {@link ReplyDetector#decide} on the result.
     *
     * @return every comment of both lists once, ordered by time (unknown times last), then id
     */
    public static List<Comment> merge(List<Comment> existing, List<Comment> newlySeen) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(newlySeen, "newlySeen");
        Map<CommentKey, Comment> byKey = new LinkedHashMap<>();
        for (Comment comment : existing) {
            byKey.merge(comment.key(), comment, CommentHistory::combine);
        }
        for (Comment comment : newlySeen) {
            byKey.merge(comment.key(), comment, CommentHistory::combine);
        }
        List<Comment> merged = new ArrayList<>(byKey.values());
        merged.sort(TIMELINE);
        return merged;
    }

    /** One comment from two sightings; {@code newer} is the later one. */
    static Comment combine(Comment older, Comment newer) {
        EnumSet<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
        flags.addAll(older.flags());
        flags.addAll(newer.flags());
        CommentSourceKind source = richness(newer.source()) >= richness(older.source()) ? newer.source()
                : older.source();
        Comment merged = Comment.undecided(source, newer.id(),
                orElse(newer.parentId(), older.parentId()),
                orElse(newer.published(), older.published()),
                orElse(newer.authorName(), older.authorName()),
                orElse(newer.authorProfileUrl(), older.authorProfileUrl()),
                orElse(newer.authorUserId(), older.authorUserId()),
                flags);
        if (newer.decidedBy() != AuthorshipSignal.UNDECIDED && sameAuthorship(merged, newer)) {
            return merged.withDecision(newer.decidedBy());
        }
        if (older.decidedBy() != AuthorshipSignal.UNDECIDED && sameAuthorship(merged, older)) {
            return merged.withDecision(older.decidedBy());
        }
        return merged;
    }

    private static boolean sameAuthorship(Comment a, Comment b) {
        return a.source() == b.source() && a.flags().equals(b.flags())
                && Objects.equals(a.authorName(), b.authorName())
                && Objects.equals(a.authorProfileUrl(), b.authorProfileUrl())
                && Objects.equals(a.authorUserId(), b.authorUserId());
    }

    /**
     * Pages carry the platform's own author flags; REST, Blogger's feed and the comment services' APIs carry
     * account ids; RSS only names.
     */
    private static int richness(CommentSourceKind source) {
        return switch (source) {
            case HTML_WORDPRESS, HTML_BLOGGER, HTML_DRUPAL -> 4;
            case WORDPRESS_REST, BLOGGER_FEED, SUBSTACK_API, GHOST_MEMBERS_API, ISSO_API, REMARK42_API, COMMENTO_API,
                    GISCUS_API, GITHUB_ISSUES_API -> 3;
            case WORDPRESS_ATOM_FEED, HTML_GENERIC -> 2;
            case WORDPRESS_RSS_FEED -> 1;
        };
    }

    private static <T> T orElse(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
