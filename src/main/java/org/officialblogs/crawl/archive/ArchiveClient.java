package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.RedirectHop;
import org.officialblogs.crawl.fetch.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a web archive through the crawler's {@link Fetcher}: lists captures from the CDX index (every page of
 * an answer, by resume key) and fetches captures in raw mode. The fetcher must be built with
 * {@link ArchiveSettings#fetchSettings}: it paces requests to the archive and follows no redirect itself, so that this
 * client follows the archive's redirects and none that would leave it. When the archive answers 429 or 503 with a
 * Retry-After, the client waits that long (up to {@link ArchiveSettings#maxRetryWait()}) and asks again; a longer
 * wait, or too many, is a {@link ArchiveFailureKind#RATE_LIMITED} failure that ends the read. Never throws for a
 * failed request.
 */
public final class ArchiveClient {

    private static final Logger log = LoggerFactory.getLogger(ArchiveClient.class);
    private static final String CDX_ACCEPT = "application/json, text/plain;q=0.5, */*;q=0.1";

    private final Fetcher fetcher;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CdxParser parser = new CdxParser();

    /**
     * @param archiveFetcher a fetcher built with {@link ArchiveSettings#fetchSettings} (paced, no redirects)
     * @param sleeper        how Retry-After waits are spent
     */
    public ArchiveClient(Fetcher archiveFetcher, ArchiveSettings settings, Clock clock, Sleeper sleeper) {
        this.fetcher = archiveFetcher;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ArchiveSettings settings() {
        return settings;
    }

    /** Every capture the query lists, following resume keys up to {@link ArchiveSettings#maxCdxPages()} pages. */
    public CdxListing list(CdxQuery query) {
        List<CdxCapture> captures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int requests = 0;
        int skipped = 0;
        CdxQuery page = query;
        while (true) {
            requests++;
            Sent sent = sendFollowingArchive(page.uri(settings.endpoint()));
            if (sent.failure() != null) {
                return new CdxListing(query, captures, requests, skipped, notes, false, sent.failure());
            }
            CdxAnswer answer = parser.parse(sent.result().body());
            if (answer instanceof CdxAnswer.Failed failed) {
                return new CdxListing(query, captures, requests, skipped, notes, false, failed.failure());
            }
            CdxAnswer.Page got = (CdxAnswer.Page) answer;
            captures.addAll(got.captures());
            skipped += got.skipped();
            int pageNumber = requests;
            got.notes().forEach(n -> notes.add("page " + pageNumber + ", " + n));
            if (got.resumeKey() == null) {
                return new CdxListing(query, captures, requests, skipped, notes, false, null);
            }
            if (!keys.add(got.resumeKey())) {
                return new CdxListing(query, captures, requests, skipped, notes, false, ArchiveFailure.of(
                        ArchiveFailureKind.CDX_MALFORMED, "the index gave the resume key '" + got.resumeKey()
                                + "' twice; stopped to avoid a loop"));
            }
            if (requests >= settings.maxCdxPages()) {
                return new CdxListing(query, captures, requests, skipped, notes, true, null);
            }
            page = query.resumedAt(got.resumeKey());
        }
    }

    /** An index request, following the archive's redirects within itself (e.g. from http to https). */
    private Sent sendFollowingArchive(URI url) {
        URI current = url;
        for (int hops = 0; ; hops++) {
            Sent sent = send(current, CDX_ACCEPT);
            FetchResult r = sent.result();
            if (sent.failure() != null || r.ok()) {
                return sent;
            }
            if (r.failure() != FailureKind.TOO_MANY_REDIRECTS || r.redirects().isEmpty()) {
                return new Sent(r, fetchFailure(r, false));
            }
            URI next = r.redirects().get(r.redirects().size() - 1).to();
            if (!CaptureUrl.sameArchive(settings.endpoint(), next) || hops >= settings.maxRedirectHops()
                    || next.equals(current)) {
                return new Sent(r, new ArchiveFailure(ArchiveFailureKind.NOT_CDX, "the index redirected to " + next
                        + " instead of answering", r.status(), null));
            }
            current = next;
        }
    }

    /**
     * The capture's original bytes. A captured redirect is followed to the archive's capture of its target, and the
     * archive's own move to the nearest capture is followed too, both only while they stay inside the archive.
     */
    public CaptureFetch fetch(CdxCapture listed) {
        CaptureUrl target = listed.at();
        URI url = target.raw(settings.endpoint());
        List<RedirectHop> hops = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        seen.add(url);
        while (true) {
            Sent sent = send(url, FetchRequest.FEED_ACCEPT);
            if (sent.failure() != null) {
                return new CaptureFetch(listed, target, hops, null, null, sent.failure());
            }
            FetchResult result = sent.result();
            if (result.ok()) {
                return new CaptureFetch(listed, target, hops, result.body(), result.contentType(), null);
            }
            if (result.failure() != FailureKind.TOO_MANY_REDIRECTS || result.redirects().isEmpty()) {
                return new CaptureFetch(listed, target, hops, null, null, fetchFailure(result, true));
            }
            RedirectHop hop = result.redirects().get(result.redirects().size() - 1);
            hops.add(hop);
            CaptureUrl next = CaptureUrl.parse(settings.endpoint(), hop.to());
            // raw mode again, on the archive's own scheme and port as the redirect gave them
            URI nextUrl = next == null ? null : next.raw(URI.create(hop.to().getScheme() + "://"
                    + hop.to().getRawAuthority() + (settings.endpoint().getRawPath() == null ? ""
                    : settings.endpoint().getRawPath())));
            ArchiveFailure refused = null;
            if (next == null) {
                refused = CaptureUrl.sameArchive(settings.endpoint(), hop.to())
                        ? new ArchiveFailure(ArchiveFailureKind.NOT_IN_ARCHIVE, "the archive redirected to "
                                + hop.to() + ", which is not a capture", hop.status(), null)
                        : new ArchiveFailure(ArchiveFailureKind.LEFT_ARCHIVE, "HTTP " + hop.status()
                                + " to " + hop.to() + ", outside the archive; not followed", hop.status(), null);
            } else if (!seen.add(nextUrl)) {
                refused = new ArchiveFailure(ArchiveFailureKind.TOO_MANY_REDIRECTS,
                        "redirect loop: " + nextUrl + " was already visited", hop.status(), null);
            } else if (hops.size() > settings.maxRedirectHops()) {
                refused = new ArchiveFailure(ArchiveFailureKind.TOO_MANY_REDIRECTS,
                        "more than " + settings.maxRedirectHops() + " redirects inside the archive", hop.status(),
                        null);
            }
            if (refused != null) {
                return new CaptureFetch(listed, target, hops, null, null, refused);
            }
            target = next;
            url = nextUrl;
        }
    }

    /** A request's outcome: the fetch result (which may itself be a failure), or a failure decided here. */
    private record Sent(FetchResult result, ArchiveFailure failure) {
    }

    /** One GET, waiting out the archive's Retry-After (429 pauses the archive, 503 the address) and asking again. */
    private Sent send(URI url, String accept) {
        int attempt = 0;
        while (true) {
            FetchResult result = fetcher.fetch(new FetchRequest(url, null, null, accept, false, Map.of()));
            boolean askedToWait = result.retryAt() != null
                    && (result.failure() == FailureKind.RATE_LIMITED || result.failure() == FailureKind.HTTP_5XX);
            if (!askedToWait) {
                return new Sent(result, null);
            }
            if (result.status() != 0) {
                attempt++; // the archive answered; a pause the fetcher kept by itself sent nothing
            }
            // whole milliseconds, rounded up: waking a fraction early would find the pause still on
            Duration wait = Duration.ofMillis(
                    Math.max(0, Duration.between(clock.instant(), result.retryAt()).toNanos() + 999_999) / 1_000_000);
            String why = result.failure() == FailureKind.RATE_LIMITED ? "429" : "503";
            if (wait.compareTo(settings.maxRetryWait()) > 0 || attempt >= settings.maxAttempts()) {
                String message = "the archive answered " + why + " for " + url + " and asked us to wait until "
                        + result.retryAt() + (attempt >= settings.maxAttempts()
                                ? " (" + attempt + " tries made)"
                                : ", longer than the " + settings.maxRetryWait().toSeconds() + " s a read waits");
                return new Sent(result, new ArchiveFailure(ArchiveFailureKind.RATE_LIMITED, message,
                        result.status(), result.retryAt()));
            }
            log.info("archive asked to wait status={} waitMs={} url={}", why, Math.max(0, wait.toMillis()), url);
            if (!wait.isZero()) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Sent(result, new ArchiveFailure(ArchiveFailureKind.RATE_LIMITED,
                            "interrupted while waiting for the archive until " + result.retryAt(), result.status(),
                            result.retryAt()));
                }
            }
        }
    }

    private static ArchiveFailure fetchFailure(FetchResult result, boolean capture) {
        FailureKind kind = result.failure();
        String message = result.message() + " (" + result.requestedUrl() + ")";
        ArchiveFailureKind archiveKind = switch (kind) {
            case TOO_LARGE -> ArchiveFailureKind.TOO_LARGE;
            case GONE -> capture ? ArchiveFailureKind.NOT_IN_ARCHIVE : ArchiveFailureKind.UNAVAILABLE;
            case HTTP_4XX -> !capture ? ArchiveFailureKind.UNAVAILABLE
                    : result.status() == 403 ? ArchiveFailureKind.EXCLUDED
                    : result.status() == 404 ? ArchiveFailureKind.NOT_IN_ARCHIVE : ArchiveFailureKind.UNAVAILABLE;
            default -> ArchiveFailureKind.UNAVAILABLE;
        };
        return new ArchiveFailure(archiveKind, message, result.status(), result.retryAt());
    }
}
