package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.officialblogs.registry.UrlNormalizer;

/**
 * Decides, capture by capture in time order, which captures are worth a request: after a capture of an address was
 * read as a feed, later captures of that address within the spacing are skipped (a feed lists weeks of posts), but a
 * capture that held no feed does not count, so the next one is tried. Addresses compare as the registry compares
 * them ({@code /feed} and {@code /feed/} are one feed). A budget caps the fetches of one read.
 */
final class CaptureSelection {

    private final Duration spacing;
    private final int budget;
    private final Map<String, Instant> lastFeed = new HashMap<>();
    private int fetched;
    private int skippedAsClose;
    private int skippedOverBudget;

    CaptureSelection(Duration spacing, int budget) {
        this.spacing = spacing;
        this.budget = budget;
    }

    /** Whether to fetch this capture; when true, it is counted against the budget. */
    boolean fetch(CdxCapture capture) {
        Instant last = lastFeed.get(key(capture.original()));
        if (last != null && capture.capturedAt().isBefore(last.plus(spacing))) {
            skippedAsClose++;
            return false;
        }
        if (fetched >= budget) {
            skippedOverBudget++;
            return false;
        }
        fetched++;
        return true;
    }

    /**
     * A feed was read from {@code capture} (where the archive's redirects led, so its own time and address count):
     * later captures of that address within the spacing are not needed.
     */
    void readAsFeed(CaptureUrl capture) {
        lastFeed.merge(key(capture.original()), capture.capturedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    int skippedAsClose() {
        return skippedAsClose;
    }

    int skippedOverBudget() {
        return skippedOverBudget;
    }

    private static String key(URI original) {
        return UrlNormalizer.key(original.toString()).orElse(original.toString());
    }
}
