package org.officialblogs.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures how an official answers readers.
 *
 * <p><b>Judged posts.</b> A post is judged when it has a date, is at least {@link MetricsSettings#minimumJudgingAge()}
 * old at {@code now} (default 14 days: readers and the official need time to write, so a fresh post without a reply
 * yet is not held against anyone), and its local date is within the last
 * {@link MetricsSettings#responsivenessWindowDays()} days (default 365: the score follows current behaviour). Posts
 * dated after {@code now} are never old enough, so they are ignored too.
 *
 * <p><b>Reply rate.</b> Among judged posts with at least one reader comment, the share where the official replied
 * after a reader comment. A post is "replied" when {@link PostReplyInput#firstOfficialReplyAt()} is set; a reply
 * recorded on a post without reader comments does not count (there was no one to answer).
 */
public final class Responsiveness {

    private final MetricsSettings settings;

    public Responsiveness(MetricsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Measures the posts' reply facts as of {@code now}. */
    public ResponsivenessMetrics measure(Collection<PostReplyInput> posts, Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Instant judgeableUntil = now.minus(settings.minimumJudgingAge());

        int judged = 0;
        int tooRecent = 0;
        int withComments = 0;
        int replied = 0;
        int comments = 0;
        int answered = 0;
        int known = 0;
        int open = 0;
        List<Duration> timesToReply = new ArrayList<>();
        for (PostReplyInput post : posts) {
            Instant published = post.published();
            if (published == null) {
                continue;
            }
            if (published.isAfter(judgeableUntil)) {
                if (!published.isAfter(now)) {
                    tooRecent++;
                }
                continue;
            }
            long daysAgo = ChronoUnit.DAYS.between(LocalDate.ofInstant(published, settings.zone()), today);
            if (daysAgo >= settings.responsivenessWindowDays()) {
                continue;
            }
            judged++;
            boolean hasComments = post.readerComments() > 0;
            if (hasComments) {
                withComments++;
                comments += post.readerComments();
                answered += Math.min(post.readerCommentsAnswered(), post.readerComments());
                if (post.officialReplied()) {
                    replied++;
                    Instant firstComment = post.firstReaderCommentAt();
                    if (firstComment != null && !post.firstOfficialReplyAt().isBefore(firstComment)) {
                        timesToReply.add(Duration.between(firstComment, post.firstOfficialReplyAt()));
                    }
                }
            }
            if (hasComments || post.commentsState() == CommentsState.OPEN) {
                known++;
                open++;
            } else if (post.commentsState() == CommentsState.CLOSED) {
                known++;
            }
        }

        return new ResponsivenessMetrics(
                judged, tooRecent, withComments, replied,
                ratio(replied, withComments),
                WilsonInterval.of95(replied, withComments),
                Median.ofDurations(timesToReply),
                comments, answered, ratio(answered, comments),
                known, open, ratio(open, known));
    }

    private static OptionalDouble ratio(int part, int whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
