package org.officialblogs.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How often a blog posts, measured in whole local days of the settings' zone (see {@link PostingFrequency}).
 *
 * @param postsLast7Days posts dated today or in the 6 days before (likewise for 30, 90, 365)
 * @param postsLast30Days posts in the last 30 local days
 * @param postsLast90Days posts in the last 90 local days
 * @param postsLast365Days posts in the last 365 local days
 * @param postsPerWeekLast90Days {@code postsLast90Days * 7 / 90}
 * @param weeksWithPostLast12 how many of the last 12 weeks have at least one post
 * @param weeksWithPostLast52 how many of the last 52 weeks have at least one post
 * @param weeklyPostsLast12 posts per week for the last 12 weeks, oldest first (index 11 is the current week)
 * @param weeklyPostsLast52 posts per week for the last 52 weeks, oldest first (index 51 is the current week)
 * @param lastPostAt the newest counted post
 * @param daysSinceLastPost local days from the newest post's date to today (0 = posted today); empty with no posts
 * @param medianGapDays median time between consecutive distinct post instants of the last 365 days, in days
 * @param longestGapDays longest such gap, in days
 * @param undatedIgnored entries without a date, ignored
 * @param futureIgnored entries dated after "now", ignored (wrong clocks, scheduled posts)
 */
public record PostingMetrics(
        int postsLast7Days,
        int postsLast30Days,
        int postsLast90Days,
        int postsLast365Days,
        double postsPerWeekLast90Days,
        int weeksWithPostLast12,
        int weeksWithPostLast52,
        List<Integer> weeklyPostsLast12,
        List<Integer> weeklyPostsLast52,
        Optional<Instant> lastPostAt,
        OptionalInt daysSinceLastPost,
        OptionalDouble medianGapDays,
        OptionalDouble longestGapDays,
        int undatedIgnored,
        int futureIgnored) {

    public PostingMetrics {
        weeklyPostsLast12 = List.copyOf(weeklyPostsLast12);
        weeklyPostsLast52 = List.copyOf(weeklyPostsLast52);
        Objects.requireNonNull(lastPostAt, "lastPostAt");
        Objects.requireNonNull(daysSinceLastPost, "daysSinceLastPost");
        Objects.requireNonNull(medianGapDays, "medianGapDays");
        Objects.requireNonNull(longestGapDays, "longestGapDays");
    }

    /** Posts in the last 12 weeks (84 local days): the sum of {@link #weeklyPostsLast12}. */
    public int postsLast12Weeks() {
        return weeklyPostsLast12.stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether each of the last 12 weeks has a post, oldest first: the boolean strip for charts. */
    public List<Boolean> weeksWithPostStripLast12() {
        return weeklyPostsLast12.stream().map(count -> count > 0).toList();
    }

    /** Whether each of the last 52 weeks has a post, oldest first. */
    public List<Boolean> weeksWithPostStripLast52() {
        return weeklyPostsLast52.stream().map(count -> count > 0).toList();
    }
}
