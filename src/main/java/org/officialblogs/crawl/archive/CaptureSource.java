package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an archived document came from: kept with everything read from it, so every figure can be traced back.
 *
 * @param timestamp  the capture time as the archive writes it ({@code yyyyMMddhhmmss}, UTC)
 * @param capturedAt the same, as an instant
 * @param original   the address the archive captured
 * @param archiveUrl the capture's replay address, for people to open
 */
public record CaptureSource(String timestamp, Instant capturedAt, URI original, URI archiveUrl) {

    public CaptureSource {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(archiveUrl, "archiveUrl");
    }

    public static CaptureSource of(CaptureUrl capture, URI endpoint) {
        return new CaptureSource(capture.timestamp(), capture.capturedAt(), capture.original(),
                capture.replay(endpoint));
    }
}
