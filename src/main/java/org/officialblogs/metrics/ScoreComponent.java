package org.officialblogs.metrics;

import java.util.Objects;

/**
 * One part of a score: its value, its weight and what it contributes.
 *
 * @param part which part
 * @param value the part's value in [0, 1]
 * @param weight the part's weight (points at full value)
 * @param points {@code value * weight}, unrounded
 * @param explanation the arithmetic in one or two sentences, for the blog's page
 */
public record ScoreComponent(ScorePart part, double value, double weight, double points, String explanation) {

    public ScoreComponent {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(explanation, "explanation");
        if (!(0.0 <= value && value <= 1.0)) {
            throw new IllegalArgumentException(part + " value must be in [0, 1]: " + value);
        }
    }
}
