package org.officialblogs.crawl.comments.substack;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.officialblogs.crawl.comments.PostAuthor;

/**
 * A Substack post as its JSON states it ({@code /api/v1/posts/SLUG}, an archive entry, a page's preloaded post).
 *
 * @param id                      Substack's post id
 * @param slug                    the {@code /p/SLUG} part of its address
 * @param bylines                 the post's published bylines: name, profile ({@code https://substack.com/@handle})
 *                                and Substack user id
 * @param audience                "everyone", "only_free", "only_paid", "founding"...; null when not stated
 * @param writeCommentPermissions who may comment: "everyone", "only_paid", "none"...; null when not stated
 * @param commentCount            the comment count Substack shows, or null
 */
public record SubstackPost(long id, String slug, List<PostAuthor> bylines, String audience,
        String writeCommentPermissions, Integer commentCount) {

    public SubstackPost {
        bylines = List.copyOf(bylines);
    }

    /** The Substack user ids of the bylines. */
    public Set<String> bylineUserIds() {
        return bylines.stream().map(PostAuthor::userId).filter(id -> id != null).collect(Collectors.toSet());
    }

    /** Whether only paying subscribers may read the post (and, with it, its comments). */
    public boolean forPayingReaders() {
        return audience != null && !audience.equals("everyone") && !audience.equals("only_free");
    }
}
