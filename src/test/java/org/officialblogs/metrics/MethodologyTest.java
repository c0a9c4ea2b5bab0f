package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Recomputes every worked example of the methodology page, so the page and the code cannot drift apart. */
class MethodologyTest {

    private static final double EXACT = 1e-9;

    @TestFactory
    List<DynamicTest> everyWorkedExampleComputesToItsStatedNumbers() {
        return Methodology.examples().stream()
                .map(example -> DynamicTest.dynamicTest(example.name(), () -> assertExample(example)))
                .toList();
    }

    private static void assertExample(WorkedExample example) {
        BlogMetrics metrics = new BlogMetricsCalculator(MetricsSettings.defaults().withZone(example.zone()))
                .compute(example.published(), example.replies(), example.now());
        Score score = ScoreFormula.score(metrics);
        WorkedExample.Expected expected = example.expected();

        assertThat(MeasuredStatus.of(example.reachability(), metrics.posting())).isEqualTo(expected.status());
        assertThat(score.points()).isEqualTo(expected.points());
        assertThat(score.notEnoughDataYet()).isEqualTo(expected.notEnoughDataYet());
        assertThat(expected.components()).extracting(WorkedExample.ExpectedComponent::part)
                .containsExactly(ScorePart.values());
        for (WorkedExample.ExpectedComponent component : expected.components()) {
            ScoreComponent actual = score.component(component.part());
            assertThat(actual.value()).as("%s value", component.part()).isCloseTo(component.value(), within(EXACT));
            assertThat(actual.points()).as("%s points", component.part())
                    .isCloseTo(component.points(), within(EXACT));
        }
        assertThat(expected.arithmetic()).contains(String.format(java.util.Locale.ROOT, "%.1f", expected.points()));
    }

    @Test
    void aBlogWhoseRepliesCannotBeMeasuredIsHeldAtTheNeutralValueNeitherRisingNorFalling() {
        WorkedExample example = Methodology.notMeasurableExample();
        BlogMetrics metrics = new BlogMetricsCalculator(MetricsSettings.defaults().withZone(example.zone()))
                .compute(example.published(), example.replies(), example.now());
        Score score = ScoreFormula.score(metrics, Methodology.NOT_MEASURABLE_REASON);
        WorkedExample.Expected expected = example.expected();

        assertThat(score.points()).isEqualTo(expected.points());
        assertThat(score.notEnoughDataYet()).isFalse();
        for (WorkedExample.ExpectedComponent component : expected.components()) {
            assertThat(score.component(component.part()).points()).as("%s points", component.part())
                    .isCloseTo(component.points(), within(EXACT));
        }
        assertThat(score.explanation()).startsWith("Replies cannot be measured on this blog. "
                + Methodology.NOT_MEASURABLE_REASON).doesNotContain("0 %").doesNotContain("closed on");
        // measured the ordinary way, the same posts would be a blog without reader comments yet: the same value,
        // so hiding replies neither lifts nor sinks a blog
        assertThat(ScoreFormula.score(metrics).points()).isEqualTo(expected.points());
        Map<String, Double> points = Methodology.examples().stream()
                .collect(Collectors.toMap(WorkedExample::name, e -> e.expected().points()));
        assertThat(expected.points()).isLessThan(points.get("Weekly, answers most readers"))
                .isGreaterThan(points.get("Weekly, comments open, never answers"));
    }

    @Test
    void examplesShowTheIntendedOrderOfBehaviours() {
        Map<String, Double> points = Methodology.examples().stream()
                .collect(Collectors.toMap(WorkedExample::name, example -> example.expected().points()));
        double answering = points.get("Weekly, answers most readers");
        double prolific = points.get("Twenty posts a week, never answers");
        double closed = points.get("Weekly, comments closed");
        double ignoring = points.get("Weekly, comments open, never answers");

        assertThat(prolific).isLessThan(answering);  // volume cannot beat weekly + answering
        assertThat(closed).isLessThan(answering);    // closing comments does not pay
        assertThat(ignoring).isLessThan(closed);     // ignoring every reader is worse than closing
    }

    @Test
    void examplesHaveDistinctNamesAndDescriptions() {
        List<WorkedExample> examples = Methodology.examples();
        assertThat(examples).hasSize(7);
        assertThat(examples).extracting(WorkedExample::name).doesNotHaveDuplicates();
        assertThat(examples).extracting(WorkedExample::description).allSatisfy(text -> assertThat(text).isNotBlank());
    }

    @Test
    void sectionsStateTheConstantsTheCodeUses() {
        Map<String, String> sections = Methodology.sections(180).stream()
                .collect(Collectors.toMap(Methodology.Section::heading, Methodology.Section::body));
        assertThat(sections.get("The score")).contains("Consistency (45 points)", "Responsiveness (30 points)",
                "Recency (15 points)", "Volume (10 points)", "at most 6 days old", "nothing at 90 days");
        assertThat(sections.get("Small samples")).contains("5 judged posts", "(replied + 5 × 0.50) / (posts + 5)");
        assertThat(sections.get("Comments closed")).contains("counts 0.25");
        assertThat(sections.get("Which posts are judged for replies")).contains("14 days old", "last 365 days",
                "younger than 180 days", "on its last 180 days at first, and on up to 365 days");
        assertThat(Methodology.sections(60).stream().filter(s -> s.heading().equals("Which posts are judged for replies"))
                .findFirst().orElseThrow().body()).contains("younger than 60 days", "on its last 60 days at first");
        assertThat(sections.get("Comments closed")).isEqualTo(Methodology.commentsClosedRule());
        assertThat(Methodology.sections(180)).extracting(Methodology.Section::heading)
                .map(Function.identity()).doesNotHaveDuplicates();
    }
}
