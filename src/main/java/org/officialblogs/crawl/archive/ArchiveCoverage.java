package org.officialblogs.crawl.archive;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the archive's captures cover of a blog's active period, month by month, and where posts may be missing.
 *
 * <p><b>Why posts go missing.</b> A feed lists only its newest posts (10 on WordPress, 25 on Blogger). A capture
 * that lists as many items as its address ever did is <em>full</em>: the feed was cutting older posts off, so it
 * vouches only for the time from its oldest item to its capture. A capture with fewer items vouches for everything
 * before it. Posts published in a stretch of the period no capture vouches for may be missing: those stretches are
 * the {@link #holes()}, and with any hole (or with earlier posts possibly cut off before the first capture) counts
 * such as posts a week and weeks with a post are lower bounds, and gaps upper bounds.
 *
 * @param firstMonth      the period's first month, null when there is no period (no post and no capture)
 * @param lastMonth       the period's last month, or null
 * @param months          every month of the period, in order, with its captures
 * @param monthsWithoutFeedCapture months of the period without a capture read as a feed
 * @param holes           stretches of the period no capture vouches for, in order
 * @param earlierPostsMayBeMissingBefore when every capture was full, posts before this instant (the oldest item
 *                        any capture listed) may exist that no capture showed; null when a capture vouches for them
 * @param firstFeedCapture the earliest capture read as a feed, or null
 * @param lastFeedCapture the latest capture read as a feed, or null
 * @param figuresAreLowerBounds counts over the period may be short of the truth (holes, a cut-off start, or no feed
 *                        capture at all)
 */
public record ArchiveCoverage(YearMonth firstMonth, YearMonth lastMonth, List<MonthCoverage> months,
                              List<YearMonth> monthsWithoutFeedCapture, List<Hole> holes,
                              Instant earlierPostsMayBeMissingBefore, Instant firstFeedCapture,
                              Instant lastFeedCapture, boolean figuresAreLowerBounds) {

    public ArchiveCoverage {
        months = List.copyOf(months);
        monthsWithoutFeedCapture = List.copyOf(monthsWithoutFeedCapture);
        holes = List.copyOf(holes);
    }

    /**
     * One month of the period.
     *
     * @param capturesListed    distinct captures the index listed in the month (all addresses)
     * @param feedCaptures      captures of the month read as a feed
     * @param postsMayBeMissing a hole overlaps the month (or no capture at all was read as a feed)
     */
    public record MonthCoverage(YearMonth month, int capturesListed, int feedCaptures, boolean postsMayBeMissing) {
    }

    /** Posts published after {@code from} and before {@code to} may be missing. */
    public record Hole(Instant from, Instant to) {
    }

    /**
     * One capture read as a feed, as coverage needs it.
     *
     * @param address    the feed address captured (captures of one address are compared for fullness)
     * @param capturedAt when
     * @param items      items listed
     * @param oldestItem the oldest publication date among them, or null when none is dated
     * @param newestItem the newest, or null (a clock error can date it after the capture; it still was listed)
     */
    public record Snapshot(String address, Instant capturedAt, int items, Instant oldestItem, Instant newestItem) {
        public Snapshot {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(capturedAt, "capturedAt");
        }
    }

    /**
     * Measures coverage.
     *
     * @param listed      capture times of the distinct captures the index listed
     * @param snapshots   the captures read as feeds
     * @param periodStart the first post's publication, or null to use the first listed capture
     * @param periodEnd   the last post's publication, or null to use the last listed capture
     * @param zone        whose months
     */
    public static ArchiveCoverage of(Collection<Instant> listed, Collection<Snapshot> snapshots, Instant periodStart,
                                     Instant periodEnd, ZoneId zone) {
        List<Snapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparing(Snapshot::capturedAt));
        Instant start = periodStart != null ? periodStart : listed.stream().min(Comparator.naturalOrder()).orElse(null);
        Instant end = periodEnd != null ? periodEnd : listed.stream().max(Comparator.naturalOrder()).orElse(null);
        Instant firstFeed = ordered.isEmpty() ? null : ordered.get(0).capturedAt();
        Instant lastFeed = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).capturedAt();
        if (start == null || end == null || end.isBefore(start)) {
            return new ArchiveCoverage(null, null, List.of(), List.of(), List.of(), null, firstFeed, lastFeed,
                    true);
        }

        Map<String, Integer> fullSize = new HashMap<>();
        ordered.forEach(s -> fullSize.merge(s.address(), s.items(), Math::max));
        List<Stretch> vouched = new ArrayList<>();
        boolean startVouched = false;
        Instant oldestListed = null;
        for (Snapshot s : ordered) {
            boolean full = s.items() > 0 && s.items() >= fullSize.get(s.address());
            Instant until = s.newestItem() != null && s.newestItem().isAfter(s.capturedAt()) ? s.newestItem()
                    : s.capturedAt();
            if (!full) {
                vouched.add(new Stretch(Instant.MIN, until));
                startVouched = true;
            } else if (s.oldestItem() != null) {
                vouched.add(new Stretch(s.oldestItem(), until));
            }
            if (s.oldestItem() != null && (oldestListed == null || s.oldestItem().isBefore(oldestListed))) {
                oldestListed = s.oldestItem();
            }
        }
        List<Hole> holes = uncovered(start, end, vouched);
        Instant earlierMissing = startVouched || ordered.isEmpty() ? null : oldestListed;

        YearMonth first = YearMonth.from(start.atZone(zone));
        YearMonth last = YearMonth.from(end.atZone(zone));
        List<MonthCoverage> months = new ArrayList<>();
        List<YearMonth> without = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            int listedIn = (int) listed.stream().filter(t -> YearMonth.from(t.atZone(zone)).equals(month)).count();
            int feedIn = (int) ordered.stream()
                    .filter(s -> YearMonth.from(s.capturedAt().atZone(zone)).equals(month)).count();
            Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            boolean missing = ordered.isEmpty()
                    || holes.stream().anyMatch(h -> h.from().isBefore(monthEnd) && h.to().isAfter(monthStart));
            months.add(new MonthCoverage(month, listedIn, feedIn, missing));
            if (feedIn == 0) {
                without.add(month);
            }
        }
        boolean lowerBounds = ordered.isEmpty() || !holes.isEmpty() || earlierMissing != null;
        return new ArchiveCoverage(first, last, months, without, holes, earlierMissing, firstFeed, lastFeed,
                lowerBounds);
    }

    /** A stretch of time one capture vouches for: every post published in it was listed. */
    private record Stretch(Instant from, Instant to) {
    }

    /** The parts of [start, end] outside every vouched-for stretch. */
    private static List<Hole> uncovered(Instant start, Instant end, List<Stretch> vouched) {
        List<Stretch> sorted = new ArrayList<>(vouched);
        sorted.sort(Comparator.comparing(Stretch::from));
        List<Hole> holes = new ArrayList<>();
        Instant reached = start; // everything before this is vouched for, or before the period
        for (Stretch v : sorted) {
            if (!reached.isBefore(end)) {
                break;
            }
            if (v.from().isAfter(reached)) {
                holes.add(new Hole(reached, v.from().isAfter(end) ? end : v.from()));
            }
            if (v.to().isAfter(reached)) {
                reached = v.to();
            }
        }
        if (reached.isBefore(end)) {
            holes.add(new Hole(reached, end));
        }
        return holes;
    }
}
