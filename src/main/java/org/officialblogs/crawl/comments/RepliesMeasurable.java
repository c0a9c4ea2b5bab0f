package org.officialblogs.crawl.comments;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a blog's replies can be measured, and why not when they cannot: never a reply rate of 0 % or "comments
 * closed" for a blog whose comments the crawler cannot read.
 *
 * @param verdict the state, stored by {@link #code()}
 * @param service where the blog's comments live
 * @param reason  a sentence for people: what the crawler found, without technical detail
 */
public record RepliesMeasurable(Verdict verdict, CommentService service, String reason) {

    /** The four states. */
    public enum Verdict {
        /** Replies are read and measured. */
        MEASURABLE,
        /** The platform shows responses only to a browser (Medium). */
        NOT_ON_PLATFORM,
        /** Comments live on a third-party service read only with the site owner's key (Disqus, Facebook, Hyvor). */
        SERVICE_NOT_MEASURED,
        /** The comments exist but refuse the crawler: paid subscribers only, sign-in, 403, robots.txt. */
        NOT_READABLE
    }

    public RepliesMeasurable {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
    }

    /** The verdict for a service before anything was read from it. */
    public static RepliesMeasurable of(CommentService service) {
        return switch (service.reach()) {
            case READABLE -> new RepliesMeasurable(Verdict.MEASURABLE, service,
                    "Comments are read from " + service.displayName() + ".");
            case NOT_ON_PLATFORM -> new RepliesMeasurable(Verdict.NOT_ON_PLATFORM, service,
                    service.displayName() + " shows responses only to a browser running its scripts;"
                            + " no public interface lists them.");
            case SERVICE_NOT_MEASURED -> new RepliesMeasurable(Verdict.SERVICE_NOT_MEASURED, service,
                    service.displayName() + " lets only the site owner's key read its comments.");
        };
    }

    /**
     * The verdict after reading a post's comments: read means measurable; a refusal (sign-in, 403, paid only,
     * robots.txt, a web page instead of data) means not readable; anything passing or per post (404, 429, 5xx,
     * network) leaves this verdict as it was.
     *
     * @param failure null when the comments were read
     */
    public RepliesMeasurable after(ReadFailure failure) {
        if (service.reach() != CommentService.Reach.READABLE) {
            return this;
        }
        if (failure == null) {
            return of(service);
        }
        if (!failure.kind().refusal()) {
            return this;
        }
        return new RepliesMeasurable(Verdict.NOT_READABLE, service, refusalReason(failure.kind()));
    }

    /** The words shown on the ranking, the profile and in exports. */
    public String label() {
        return switch (verdict) {
            case MEASURABLE -> "replies measurable";
            case NOT_ON_PLATFORM -> "replies not measurable on " + service.displayName();
            case SERVICE_NOT_MEASURED -> "comments on " + service.displayName() + ": not measured";
            case NOT_READABLE -> "comments not readable (" + shortReason() + ")";
        };
    }

    /** The stored form of the verdict: "measurable", "not_on_platform", "service_not_measured", "not_readable". */
    public String code() {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    public boolean measurable() {
        return verdict == Verdict.MEASURABLE;
    }

    private String shortReason() {
        int cut = reason.indexOf(':');
        return cut > 0 ? reason.substring(0, cut) : reason.replaceAll("\\.$", "");
    }

    private String refusalReason(ReadFailureKind kind) {
        String where = service.displayName();
        return switch (kind) {
            case PAID_ONLY -> "paid subscribers only: " + where + " shows these comments only to paying readers.";
            case UNAUTHORIZED -> "sign-in required: " + where + " answers 401 and wants a signed-in reader.";
            case FORBIDDEN -> "refused: " + where + " answers 403 Forbidden to the crawler.";
            case ROBOTS_DISALLOWED -> "robots.txt: the site's robots.txt does not let crawlers read "
                    + where + ".";
            case NOT_JSON -> "no data: " + where + " answers with a web page where its comment data should be.";
            default -> "refused: " + where + " does not let the crawler read its comments.";
        };
    }
}
