package org.officialblogs.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/** Computes a blog's {@link BlogMetrics} from its post dates and reply facts. */
public final class BlogMetricsCalculator {

    private final MetricsSettings settings;
    private final PostingFrequency postingFrequency;
    private final Responsiveness responsiveness;

    public BlogMetricsCalculator(MetricsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.postingFrequency = new PostingFrequency(settings.zone());
        this.responsiveness = new Responsiveness(settings);
    }

    /**
     * @param published the dates of all the blog's posts (nulls and future dates are ignored, see
     *     {@link PostingFrequency})
     * @param replies reply facts of the posts for which the crawler has them
     * @param now the moment to measure at
     */
    public BlogMetrics compute(Collection<Instant> published, Collection<PostReplyInput> replies, Instant now) {
        return new BlogMetrics(now, settings.zone(),
                postingFrequency.measure(published, now),
                responsiveness.measure(replies, now));
    }

    /** As {@link #compute(Collection, Collection, Instant)} at the clock's instant. */
    public BlogMetrics compute(Collection<Instant> published, Collection<PostReplyInput> replies, Clock clock) {
        return compute(published, replies, clock.instant());
    }
}
