package org.officialblogs.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A worked example of the methodology: inputs and the hand-computed outcome. The unit tests recompute every example
 * and the methodology page shows them, so the two cannot drift apart.
 *
 * @param name short title
 * @param description the inputs and the point of the example, in plain words
 * @param now the moment the example is computed at
 * @param zone the zone for days and weeks
 * @param reachability the crawler's state
 * @param published the posts' dates
 * @param replies the posts' reply facts
 * @param expected the outcome, computed by hand
 */
public record WorkedExample(
        String name,
        String description,
        Instant now,
        ZoneId zone,
        Reachability reachability,
        List<Instant> published,
        List<PostReplyInput> replies,
        Expected expected) {

    public WorkedExample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reachability, "reachability");
        published = List.copyOf(published);
        replies = List.copyOf(replies);
        Objects.requireNonNull(expected, "expected");
    }

    /**
     * The hand-computed outcome.
     *
     * @param status the blog's status
     * @param points the shown score (one decimal)
     * @param components value and points of each part, in {@link ScorePart} order
     * @param notEnoughDataYet the small-sample flag
     * @param arithmetic the whole sum written out, for the page
     */
    public record Expected(
            MeasuredStatus status, double points, List<ExpectedComponent> components, boolean notEnoughDataYet,
            String arithmetic) {

        public Expected {
            Objects.requireNonNull(status, "status");
            components = List.copyOf(components);
            Objects.requireNonNull(arithmetic, "arithmetic");
        }
    }

    /**
     * One part of the expected outcome.
     *
     * @param part the part
     * @param value its value in [0, 1]
     * @param points {@code value * weight}
     */
    public record ExpectedComponent(ScorePart part, double value, double points) {

        public ExpectedComponent {
            Objects.requireNonNull(part, "part");
        }
    }
}
