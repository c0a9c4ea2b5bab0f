package org.officialblogs.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Measures a blog that ended over its own active period, from its first post to its last, instead of over the
 * weeks before today (which for an ended blog are empty). It reuses the live calculations: the weekly counts are
 * {@link PostingFrequency}'s 52-week strips laid end to end, measured as of the last post's date and then each
 * 364 days earlier, so weeks are the same 7-day windows of whole local days; the reply figures are
 * {@link Responsiveness} over the period's posts, all of them judged (the conversation is over, so no post is too
 * young) with the window set to the period. Gaps are measured like {@link PostingFrequency}'s, between distinct post
 * instants, but over the whole period: an ended blog's longest silence can be longer than a year.
 */
public final class ActivePeriod {

    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final int STRIP_WEEKS = PostingFrequency.WEEKS_LONG;

    private final ZoneId zone;
    private final PostingFrequency frequency;

    public ActivePeriod(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.frequency = new PostingFrequency(zone);
    }

    /**
     * @param published the dates of the blog's posts (nulls are counted and left out)
     * @param replies   reply facts of the posts whose comments were collected; empty when none were
     * @return the figures, or empty when no post has a date
     */
    public Optional<PeriodMetrics> measure(Collection<Instant> published, Collection<PostReplyInput> replies) {
        List<Instant> dated = new ArrayList<>();
        int undated = 0;
        for (Instant instant : published) {
            if (instant == null) {
                undated++;
            } else {
                dated.add(instant);
            }
        }
        if (dated.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Instant> distinct = new TreeSet<>(dated);
        Instant first = distinct.first();
        Instant last = distinct.last();
        LocalDate firstDay = LocalDate.ofInstant(first, zone);
        LocalDate lastDay = LocalDate.ofInstant(last, zone);
        int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        int weeks = (days + 6) / 7;

        List<Integer> strip = new ArrayList<>();
        int slices = (weeks + STRIP_WEEKS - 1) / STRIP_WEEKS;
        for (int slice = slices - 1; slice >= 0; slice--) {
            Instant asOf = endOf(lastDay.minusDays((long) slice * STRIP_WEEKS * 7));
            strip.addAll(frequency.measure(dated, asOf).weeklyPostsLast52());
        }
        List<Integer> weekly = strip.subList(strip.size() - weeks, strip.size());
        int weeksWithPost = (int) weekly.stream().filter(count -> count > 0).count();

        List<Double> gaps = new ArrayList<>();
        Instant previous = null;
        for (Instant instant : distinct) {
            if (previous != null) {
                gaps.add(Duration.between(previous, instant).toMillis() / MILLIS_PER_DAY);
            }
            previous = instant;
        }

        Optional<ResponsivenessMetrics> replyFigures = Optional.empty();
        if (!replies.isEmpty()) {
            MetricsSettings wholePeriod = new MetricsSettings(zone, Duration.ZERO, days);
            replyFigures = Optional.of(new Responsiveness(wholePeriod).measure(replies, endOf(lastDay)));
        }

        return Optional.of(new PeriodMetrics(first, last, firstDay, lastDay, days, dated.size(),
                dated.size() * 7.0 / Math.max(7, days), weekly, weeksWithPost,
                gaps.stream().mapToDouble(Double::doubleValue).max(), Median.of(gaps), undated, replyFigures));
    }

    /** The last instant of a local date: "now" for a measurement that includes the whole day. */
    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
