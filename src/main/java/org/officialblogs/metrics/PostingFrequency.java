package org.officialblogs.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Measures posting frequency from post dates.
 *
 * <p><b>Days and weeks.</b> A post belongs to its local date in the settings' zone. "The last N days" are today (the
 * local date of {@code now}) and the N-1 dates before it. Weeks are rolling 7-day windows of whole local days ending
 * today: week 0 is today and the 6 days before, week 1 the 7 days before that, and so on; so the strips are "the 7
 * days up to today", not calendar weeks. Whole days are used so that a post always falls in the same week whatever
 * the hour of the crawl, and the zone decides which day a late-evening post belongs to (a post at 23:30 on Sunday in
 * New York is a Monday post in UTC).
 *
 * <p><b>Input entries.</b> {@code null} entries are ignored (undated posts) and so are entries after {@code now}
 * (wrong clocks, scheduled posts); both are counted in the result. Every other entry is one post: post identity
 * is the store's job (one row per post), and two posts can share an instant (date-only feeds give midnight to every
 * post of a day). Gaps, however, are measured between <em>distinct</em> instants, because two posts published
 * together are one posting occasion, not a gap of zero days.
 */
public final class PostingFrequency {

    static final int WEEKS_SHORT = 12;
    static final int WEEKS_LONG = 52;
    static final int GAP_WINDOW_DAYS = 365;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final ZoneId zone;

    public PostingFrequency(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Measures the posts as of {@code now}. */
    public PostingMetrics measure(Collection<Instant> published, Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate today = LocalDate.ofInstant(now, zone);
        int undated = 0;
        int future = 0;
        List<Instant> posts = new ArrayList<>();
        for (Instant instant : published) {
            if (instant == null) {
                undated++;
            } else if (instant.isAfter(now)) {
                future++;
            } else {
                posts.add(instant);
            }
        }

        int last7 = 0;
        int last30 = 0;
        int last90 = 0;
        int last365 = 0;
        int[] weekly = new int[WEEKS_LONG];
        Instant newest = null;
        TreeSet<Instant> gapInstants = new TreeSet<>();
        for (Instant post : posts) {
            // not after now, so its date is today or earlier and daysAgo >= 0
            long daysAgo = ChronoUnit.DAYS.between(LocalDate.ofInstant(post, zone), today);
            if (daysAgo < 7) {
                last7++;
            }
            if (daysAgo < 30) {
                last30++;
            }
            if (daysAgo < 90) {
                last90++;
            }
            if (daysAgo < GAP_WINDOW_DAYS) {
                last365++;
                gapInstants.add(post);
            }
            long week = daysAgo / 7;
            if (week < WEEKS_LONG) {
                weekly[WEEKS_LONG - 1 - (int) week]++;
            }
            if (newest == null || post.isAfter(newest)) {
                newest = post;
            }
        }

        List<Integer> strip52 = Arrays.stream(weekly).boxed().toList();
        List<Integer> strip12 = strip52.subList(WEEKS_LONG - WEEKS_SHORT, WEEKS_LONG);
        OptionalInt daysSinceLast = newest == null
                ? OptionalInt.empty()
                : OptionalInt.of((int) ChronoUnit.DAYS.between(LocalDate.ofInstant(newest, zone), today));

        List<Double> gaps = new ArrayList<>();
        Instant previous = null;
        for (Instant instant : gapInstants) {
            if (previous != null) {
                gaps.add(Duration.between(previous, instant).toMillis() / MILLIS_PER_DAY);
            }
            previous = instant;
        }
        OptionalDouble longest = gaps.stream().mapToDouble(Double::doubleValue).max();

        return new PostingMetrics(
                last7, last30, last90, last365,
                last90 * 7.0 / 90.0,
                countNonZero(strip12), countNonZero(strip52),
                strip12, strip52,
                Optional.ofNullable(newest), daysSinceLast,
                Median.of(gaps), longest,
                undated, future);
    }

    private static int countNonZero(List<Integer> counts) {
        return (int) counts.stream().filter(count -> count > 0).count();
    }
}
