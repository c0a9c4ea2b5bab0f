package org.officialblogs.crawl;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.crawl.comments.detect.CommentSystems;

/**
 * What the crawler knows of where a blog's comments live, as stored per blog: found once on a post page, then
 * read straight from the source that works.
 *
 * @param platform         the blog platform's code as the post page showed it, or null
 * @param platformEvidence the clue that decided the platform, or null
 * @param service          where the comments live
 * @param serviceEvidence  the clue that decided it
 * @param settings         what locates the blog's comments on the service
 * @param workingSource    the comment source kind's code whose last reading worked, or null
 * @param measurable       the replies-measurable verdict with its reason
 * @param officialSignal   the authorship signal's code by which the official's comments were last recognised, or null
 * @param officialSignalDetail what that signal matched ("WordPress user id 3"), or null
 */
public record BlogCommentSystem(long blogId, String platform, String platformEvidence, CommentService service,
                                String serviceEvidence, Map<String, String> settings, String workingSource,
                                Instant workingSince, RepliesMeasurable measurable, String officialSignal,
                                String officialSignalDetail, Instant detectedAt, Instant checkedAt) {

    public BlogCommentSystem {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceEvidence, "serviceEvidence");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(measurable, "measurable");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** The comment system to read, rebuilt from the stored settings. */
    public CommentSystem system() {
        return CommentSystems.restore(service, settings, serviceEvidence);
    }

    public BlogCommentSystem withMeasurable(RepliesMeasurable verdict, Instant at) {
        return new BlogCommentSystem(blogId, platform, platformEvidence, service, serviceEvidence, settings,
                workingSource, workingSince, verdict, officialSignal, officialSignalDetail, detectedAt, at);
    }

    public BlogCommentSystem withWorkingSource(String source, Instant at) {
        Instant since = source.equals(workingSource) && workingSince != null ? workingSince : at;
        return new BlogCommentSystem(blogId, platform, platformEvidence, service, serviceEvidence, settings,
                source, since, measurable, officialSignal, officialSignalDetail, detectedAt, at);
    }

    public BlogCommentSystem withOfficialSignal(String signal, String detail) {
        return new BlogCommentSystem(blogId, platform, platformEvidence, service, serviceEvidence, settings,
                workingSource, workingSince, measurable, signal, detail, detectedAt, checkedAt);
    }

    /** The same blog moved to another system (the WordPress REST API when pages show no authorship). */
    public BlogCommentSystem switchedTo(CommentSystem system, Instant at) {
        return new BlogCommentSystem(blogId, platform, platformEvidence, system.service(), system.evidence(),
                system.settings(), null, null, system.measurable(), officialSignal, officialSignalDetail, at, at);
    }
}
