package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepliesMeasurableTest {

    @Test
    void eachServiceStartsWithItsVerdictInWords() {
        assertThat(RepliesMeasurable.of(CommentService.SUBSTACK).label()).isEqualTo("replies measurable");
        assertThat(RepliesMeasurable.of(CommentService.MEDIUM).label())
                .isEqualTo("replies not measurable on Medium");
        assertThat(RepliesMeasurable.of(CommentService.DISQUS).label()).isEqualTo("comments on Disqus: not measured");
        assertThat(RepliesMeasurable.of(CommentService.FACEBOOK).code()).isEqualTo("service_not_measured");
        assertThat(RepliesMeasurable.of(CommentService.HYVOR).reason())
                .isEqualTo("Hyvor Talk lets only the site owner's key read its comments.");
        assertThat(RepliesMeasurable.of(CommentService.MEDIUM).code()).isEqualTo("not_on_platform");
    }

    @Test
    void aRefusalMakesCommentsNotReadableAndSaysWhy() {
        RepliesMeasurable substack = RepliesMeasurable.of(CommentService.SUBSTACK);

        RepliesMeasurable paid = substack.after(new ReadFailure(ReadFailureKind.PAID_ONLY, "401 on a paid post"));
        assertThat(paid.verdict()).isEqualTo(RepliesMeasurable.Verdict.NOT_READABLE);
        assertThat(paid.label()).isEqualTo("comments not readable (paid subscribers only)");
        assertThat(paid.code()).isEqualTo("not_readable");

        RepliesMeasurable ghost = RepliesMeasurable.of(CommentService.GHOST)
                .after(new ReadFailure(ReadFailureKind.FORBIDDEN, "HTTP 403"));
        assertThat(ghost.label()).isEqualTo("comments not readable (refused)");
        assertThat(ghost.reason()).isEqualTo("refused: Ghost answers 403 Forbidden to the crawler.");
        assertThat(RepliesMeasurable.of(CommentService.UTTERANCES)
                .after(new ReadFailure(ReadFailureKind.ROBOTS_DISALLOWED, "robots")).label())
                .isEqualTo("comments not readable (robots.txt)");
    }

    @Test
    void passingFailuresChangeNothingAndAReadRestoresMeasurable() {
        RepliesMeasurable refused = RepliesMeasurable.of(CommentService.ISSO)
                .after(new ReadFailure(ReadFailureKind.UNAUTHORIZED, "401"));

        assertThat(refused.after(new ReadFailure(ReadFailureKind.RATE_LIMITED, "429"))).isEqualTo(refused);
        assertThat(refused.after(new ReadFailure(ReadFailureKind.NOT_FOUND, "post gone"))).isEqualTo(refused);
        assertThat(refused.after(null).measurable()).isTrue();
    }

    @Test
    void servicesThatAreNotReadStayNotMeasuredWhateverHappens() {
        RepliesMeasurable disqus = RepliesMeasurable.of(CommentService.DISQUS);
        assertThat(disqus.after(null)).isEqualTo(disqus);
        assertThat(disqus.after(new ReadFailure(ReadFailureKind.FORBIDDEN, "x"))).isEqualTo(disqus);
    }
}
