package org.officialblogs.discover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What checking a candidate found, in facts a moderator can weigh: the feed and its platform, how it was found,
 * how many posts it lists and how many of them are from the last 90 days, the latest post's date, whether the posts'
 * bylines name the official, whether comments are open; or, in words, why nothing was found.
 *
 * @param outcome       a feed, no feed (the site answered but offers none), or a failure (the site did not answer)
 * @param message       what failed or was not found, in words; null when a feed was found
 * @param failureKind   the crawler's failure kind code for a failure (e.g. {@code robots_disallowed}), else null
 * @param blogUrl       the page the blog lives on (the address, or the blog page found on a website)
 * @param foundVia      how the feed was found, in words
 * @param bylineSample  an author name seen on the posts, for the moderator
 */
public record Evidence(Outcome outcome, String message, String failureKind, String feedUrl, String blogUrl,
                       String platform, String foundVia, Integer postsInFeed, Integer posts90d, Instant latestPostAt,
                       Byline byline, String bylineSample, Comments comments) {

    /** How far back posts count as recent. */
    public static final Duration RECENT = Duration.ofDays(90);

    public enum Outcome {
        FEED, NO_FEED, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the posts' authors are the official: named on most posts, other names, or no author at all. */
    public enum Byline {
        NAMED("posts name the official"), OTHER("posts name someone else"), NONE("posts carry no author");

        private final String label;

        Byline(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Comments {
        OPEN("comments open"), CLOSED("comments closed"), UNKNOWN("comments unknown");

        private final String label;

        Comments(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One post of the feed, reduced to what the evidence needs. */
    public record Post(Instant published, String author, boolean commentSignals) {}

    public static Evidence failed(String kind, String message) {
        return new Evidence(Outcome.FAILED, message, kind, null, null, null, null, null, null, null, null, null, null);
    }

    public static Evidence noFeed(String message, String blogUrl) {
        return new Evidence(Outcome.NO_FEED, message, null, null, blogUrl, null, null, null, null, null, null, null, null);
    }

    /**
     * The evidence of a feed that was found.
     *
     * @param signalsMeanOpen the platform prints comment elements only while comments are open (WordPress), so a feed
     *                        without any says they are closed
     */
    public static Evidence feed(String feedUrl, String blogUrl, String platform, String foundVia, List<Post> posts,
                                String officialName, boolean signalsMeanOpen, Instant now) {
        Instant since = now.minus(RECENT);
        int recent = 0;
        Instant latest = null;
        int withAuthor = 0;
        int naming = 0;
        String sample = null;
        boolean signals = false;
        for (Post p : posts) {
            if (p.published() != null && !p.published().isAfter(now)) {
                if (!p.published().isBefore(since)) recent++;
                if (latest == null || p.published().isAfter(latest)) latest = p.published();
            }
            if (p.author() != null && !p.author().isBlank()) {
                withAuthor++;
                if (Bylines.names(p.author(), officialName)) {
                    naming++;
                    sample = p.author().strip();
                } else if (sample == null) {
                    sample = p.author().strip();
                }
            }
            signals |= p.commentSignals();
        }
        Byline byline = withAuthor == 0 ? Byline.NONE : naming * 2 >= withAuthor ? Byline.NAMED : Byline.OTHER;
        if (byline == Byline.NAMED) {
            for (Post p : posts) if (p.author() != null && Bylines.names(p.author(), officialName)) { sample = p.author().strip(); break; }
        }
        Comments comments = signals ? Comments.OPEN : signalsMeanOpen && !posts.isEmpty() ? Comments.CLOSED : Comments.UNKNOWN;
        return new Evidence(Outcome.FEED, null, null, feedUrl, blogUrl, platform, foundVia, posts.size(), recent, latest,
                byline, sample, comments);
    }
}
