package org.officialblogs.crawl.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides, per comment, whether the official wrote it, strongest signal first, and records the deciding
 * {@link AuthorshipSignal}.
 *
 * <ol>
 *   <li>The platform's own author flag: WordPress {@code bypostauthor}, Drupal {@code comment-by-node-author},
 *       Blogger {@code blog-author}; a Substack account in the post's byline; GitHub's repository owner.</li>
 *   <li>The platform account: the comment's user id (WordPress REST {@code author}, Blogger {@code pid-N}, Drupal
 *       user id) or Blogger profile equals the post author's.</li>
 *   <li>A comment from another platform account is not the official's: WordPress/Drupal pages marking it as a
 *       registered user's without the post-author flag, a Substack account outside the byline; or a user id / profile known on both sides that differs
 *       (WordPress REST {@code author} other than the post's).</li>
 *   <li>The commenter's display name equals the post's author name (case, spacing and accents ignored).</li>
 *   <li>The display name equals one of the blog's aliases set by a moderator ("Mike", "Secretary Leavitt").</li>
 * </ol>
 * Otherwise the comment is a reader's ({@link AuthorshipSignal#NO_MATCH}). Names are a weaker signal than accounts
 * (anyone may type a name into a guest form), which is why accounts are asked first.
 */
public final class ReplyDetector {
    private static final Pattern BLOGGER_PROFILE = Pattern.compile("/profile/(\\d{1,30})/?$");

    /**
     * Decides every comment.
     *
     * @param postAuthor the post's author; {@link PostAuthor#UNKNOWN} when nothing is known
     * @param aliases    the blog's moderator-set aliases for its official; may be empty
     * @return the same comments in the same order, each with {@code isOfficial} and {@code decidedBy} set
     */
    public List<Comment> decide(List<Comment> comments, PostAuthor postAuthor, Collection<String> aliases) {
        Objects.requireNonNull(comments, "comments");
        PostAuthor author = postAuthor == null ? PostAuthor.UNKNOWN : postAuthor;
        Set<String> normalisedAliases = aliases == null ? Set.of() : aliases.stream()
                .map(DisplayNames::normalise).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        List<Comment> decided = new ArrayList<>(comments.size());
        for (Comment comment : comments) {
            decided.add(comment.withDecision(signalFor(comment, author, normalisedAliases)));
        }
        return decided;
    }

    /** The deciding signal for one comment; aliases must be normalised already. */
    private static AuthorshipSignal signalFor(Comment comment, PostAuthor author, Set<String> aliases) {
        if (comment.has(PlatformFlag.BY_POST_AUTHOR)) {
            return AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG;
        }
        if (comment.has(PlatformFlag.BY_NODE_AUTHOR)) {
            return AuthorshipSignal.DRUPAL_NODE_AUTHOR_FLAG;
        }
        if (comment.has(PlatformFlag.BLOG_AUTHOR)) {
            return AuthorshipSignal.BLOGGER_BLOG_AUTHOR_FLAG;
        }
        if (comment.has(PlatformFlag.BY_POST_BYLINE)) {
            return AuthorshipSignal.POST_BYLINE_ACCOUNT;
        }
        if (comment.has(PlatformFlag.BY_REPOSITORY_OWNER)) {
            return AuthorshipSignal.REPOSITORY_OWNER;
        }
        boolean idsKnown = comment.authorUserId() != null && author.userId() != null;
        if (idsKnown && comment.authorUserId().equals(author.userId().strip())) {
            return AuthorshipSignal.ACCOUNT_ID_MATCH;
        }
        String commentProfile = profileKey(comment.authorProfileUrl());
        String authorProfile = profileKey(author.profileUrl());
        boolean profilesKnown = commentProfile != null && authorProfile != null;
        if (profilesKnown && commentProfile.equals(authorProfile)) {
            return AuthorshipSignal.PROFILE_MATCH;
        }
        if (fromOtherAccount(comment, idsKnown, profilesKnown)) {
            return AuthorshipSignal.OTHER_ACCOUNT;
        }
        String name = DisplayNames.normalise(comment.authorName());
        if (name != null && name.equals(DisplayNames.normalise(author.name()))) {
            return AuthorshipSignal.POST_AUTHOR_NAME;
        }
        if (name != null && aliases.contains(name)) {
            return AuthorshipSignal.ALIAS;
        }
        return AuthorshipSignal.NO_MATCH;
    }

    /**
     * Pages of WordPress and Drupal compute the post-author flag themselves, and Substack names the byline
     * accounts, so "registered but not flagged" is decisive there. Elsewhere an account counts against only when
     * both sides' accounts are known (and, having got here, differ).
     */
    private static boolean fromOtherAccount(Comment comment, boolean idsKnown, boolean profilesKnown) {
        boolean pageComputesAuthorFlag = comment.source() == CommentSourceKind.HTML_WORDPRESS
                || comment.source() == CommentSourceKind.HTML_DRUPAL
                || comment.source() == CommentSourceKind.SUBSTACK_API;
        if (pageComputesAuthorFlag && comment.has(PlatformFlag.BY_REGISTERED_USER)) {
            return true;
        }
        return idsKnown || profilesKnown;
    }

    /**
     * Comparable form of a profile URL: Blogger profiles by their number (http/https and www/draft hosts vary),
     * other URLs without scheme, case of host and trailing slash.
     */
    static String profileKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath();
            Matcher blogger = BLOGGER_PROFILE.matcher(path);
            if ((host.equals("blogger.com") || host.endsWith(".blogger.com")) && blogger.find()) {
                return "blogger:" + blogger.group(1);
            }
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            return host + path.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
