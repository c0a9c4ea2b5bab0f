package org.officialblogs.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A blog's score with its breakdown.
 *
 * @param points the score shown and ranked on: {@link #exactPoints} rounded half-up to one decimal
 * @param exactPoints the sum of the components' points, unrounded
 * @param components one per {@link ScorePart}, in that order
 * @param notEnoughDataYet true when fewer than {@link ScoreFormula#MINIMUM_REPLY_SAMPLE} judged posts had reader
 *     comments and comments were not closed on every judged post, so the reply rate was pulled toward the prior
 * @param commentsClosedPolicyApplied true when some judged posts had comments closed and the closed-comments rule
 *     changed responsiveness
 * @param explanation the responsiveness explanation, including the comments-closed rule when it applied
 */
public record Score(
        double points,
        double exactPoints,
        List<ScoreComponent> components,
        boolean notEnoughDataYet,
        boolean commentsClosedPolicyApplied,
        String explanation) {

    public Score {
        components = List.copyOf(components);
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The component for {@code part}. */
    public ScoreComponent component(ScorePart part) {
        return components.stream()
                .filter(component -> component.part() == part)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no component " + part));
    }
}
