package org.officialblogs.crawl.comments;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One comment on one post, as much as a source told about it, and whether it is the official's.
 *
 * <p>{@code authorName} is plain text kept only to decide authorship: it must never be published (and is left
 * out of {@link #toString()} so it does not end up in logs). Nullable: {@code parentId} (top-level or unknown),
 * {@code published}, {@code authorName}, {@code authorProfileUrl} (only a profile the platform vouches for, such as
 * a Blogger profile; never a commenter's self-declared website), {@code authorUserId} (WordPress REST user id,
 * Blogger {@code pid-N}, Drupal user id).
 *
 * @param source     where it was read
 * @param id         the platform's comment id ("421882"), or "h:" and a hash when the source gives none
 * @param isOfficial decided by {@link ReplyDetector}; false while {@code decidedBy} is UNDECIDED
 * @param decidedBy  the signal that decided {@code isOfficial}
 */
public record Comment(
        CommentSourceKind source,
        String id,
        String parentId,
        Instant published,
        String authorName,
        String authorProfileUrl,
        String authorUserId,
        Set<PlatformFlag> flags,
        boolean isOfficial,
        AuthorshipSignal decidedBy) {

    public Comment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decidedBy, "decidedBy");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (isOfficial && !decidedBy.official()) {
            throw new IllegalArgumentException("signal " + decidedBy + " cannot make a comment official");
        }
    }

    /** A freshly parsed comment, before {@link ReplyDetector} has looked at it. */
    public static Comment undecided(CommentSourceKind source, String id, String parentId, Instant published,
            String authorName, String authorProfileUrl, String authorUserId, Set<PlatformFlag> flags) {
        return new Comment(source, id, parentId, published, authorName, authorProfileUrl, authorUserId, flags,
                false, AuthorshipSignal.UNDECIDED);
    }

    public CommentKey key() {
        return new CommentKey(source.idSpace(), id);
    }

    public boolean has(PlatformFlag flag) {
        return flags.contains(flag);
    }

    public Comment withDecision(AuthorshipSignal signal) {
        return new Comment(source, id, parentId, published, authorName, authorProfileUrl, authorUserId, flags,
                signal.official(), signal);
    }

    @Override
    public String toString() {
        // authorName stays out: it is personal data kept only to decide authorship.
        return "Comment[source=" + source + ", id=" + id + ", parentId=" + parentId + ", published=" + published
                + ", authorUserId=" + authorUserId + ", flags=" + flags + ", isOfficial=" + isOfficial
                + ", decidedBy=" + decidedBy + "]";
    }
}
