package org.officialblogs.crawl.comments.substack;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.ApiUrls;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A Substack publication ({@code name.substack.com} or a custom domain): its posts' comments are read from its
 * public JSON. Post ids come from the archive endpoint ({@link #archivePage}, a dozen posts a request, with their
 * bylines) or, one post at a time, from {@code api/v1/posts/SLUG}; the feed carries only the post's address.
 *
 * @param base the publication's address
 */
public record SubstackPublication(URI base, String evidence) implements CommentSystem {
    public static final String BASE = "base";
    private static final Pattern POST_PATH = Pattern.compile("^/p/([^/?#]+)");

    public SubstackPublication {
        base = ApiUrls.origin(Objects.requireNonNull(base, "base"));
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.SUBSTACK;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(BASE, base.toString());
    }

    /** The post's comments by its {@code /p/SLUG} address; empty for any other address (an About page). */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        String slug = slug(post.url());
        return slug == null ? Optional.empty() : Optional.of(new SubstackComments(base, slug, null));
    }

    /** The comments of a post already read from the archive or the post page: no post request. */
    public CommentApi forPost(SubstackPost post) {
        return new SubstackComments(base, post.slug(), post);
    }

    /** One page of the publication's archive, newest first: read it with {@link SubstackPostParser#posts}. */
    public ApiRequest archivePage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 50) {
            throw new IllegalArgumentException("offset >= 0 and limit 1..50: " + offset + ", " + limit);
        }
        return ApiRequest.get("archive", Integer.toString(offset), ApiUrls.withQuery(
                ApiUrls.under(base, "api/v1/archive"), "sort", "new", "search", "", "offset",
                Integer.toString(offset), "limit", Integer.toString(limit)));
    }

    /** The slug of a {@code /p/SLUG} address, or null. */
    public static String slug(URI postUrl) {
        Matcher m = POST_PATH.matcher(postUrl.getPath() == null ? "" : postUrl.getPath());
        return m.find() ? m.group(1) : null;
    }
}
