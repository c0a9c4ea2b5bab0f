package org.officialblogs.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a blog that ended was kept over its own active period, from its first post to its last (see
 * {@link ActivePeriod}); days are local days of the settings' zone.
 *
 * @param firstPostAt    the first dated post
 * @param lastPostAt     the last dated post
 * @param firstDay       the first post's local date
 * @param lastDay        the last post's local date
 * @param days           local days from the first to the last post's date, both included
 * @param posts          dated posts
 * @param postsPerWeek   {@code posts * 7 / days}, a period shorter than a week counting as a week
 * @param weeklyPosts    posts per week, oldest first; weeks are 7-day windows ending on the last post's date, so
 *                       the first one may begin before the first post
 * @param weeksWithPost  how many of those weeks have a post
 * @param longestGapDays longest time between consecutive distinct post instants, in days; empty with one post
 * @param medianGapDays  median of those times, in days
 * @param undatedIgnored posts without a date, left out
 * @param replies        reply figures over the period's posts, when comments were collected for any of them
 */
public record PeriodMetrics(
        Instant firstPostAt,
        Instant lastPostAt,
        LocalDate firstDay,
        LocalDate lastDay,
        int days,
        int posts,
        double postsPerWeek,
        List<Integer> weeklyPosts,
        int weeksWithPost,
        OptionalDouble longestGapDays,
        OptionalDouble medianGapDays,
        int undatedIgnored,
        Optional<ResponsivenessMetrics> replies) {

    public PeriodMetrics {
        Objects.requireNonNull(firstPostAt, "firstPostAt");
        Objects.requireNonNull(lastPostAt, "lastPostAt");
        weeklyPosts = List.copyOf(weeklyPosts);
        Objects.requireNonNull(longestGapDays, "longestGapDays");
        Objects.requireNonNull(medianGapDays, "medianGapDays");
        Objects.requireNonNull(replies, "replies");
    }

    /** Weeks in the period: the length of {@link #weeklyPosts}. */
    public int weeks() {
        return weeklyPosts.size();
    }
}
