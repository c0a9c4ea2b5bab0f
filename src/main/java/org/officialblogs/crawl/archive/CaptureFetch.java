package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;
import org.officialblogs.crawl.fetch.RedirectHop;

/**
 * One capture fetched in raw mode.
 *
 * @param listed      the capture the index listed
 * @param capture     the capture whose bytes these are: the listed one, or where the archive's redirects led (a
 *                    captured redirect leads to a capture of its target, a missing time to the nearest capture)
 * @param redirects   the archive's redirects followed, in order
 * @param body        the original bytes (decompressed), null on failure
 * @param contentType the Content-Type the archive served them with, or null
 * @param failure     null on success
 */
public record CaptureFetch(CdxCapture listed, CaptureUrl capture, List<RedirectHop> redirects, byte[] body,
                           String contentType, ArchiveFailure failure) {

    public CaptureFetch {
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(capture, "capture");
        redirects = List.copyOf(redirects);
    }

    public boolean ok() {
        return failure == null;
    }
}
