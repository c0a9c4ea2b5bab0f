package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.fetch.RedirectHop;

/**
 * One capture fetched during a read, and what it held.
 *
 * @param listed    the capture the index listed and we asked for
 * @param source    the capture whose bytes were read (differs from {@code listed} after the archive's redirects)
 * @param redirects the archive's redirects followed to get there
 * @param feed      the feed read from it, or null
 * @param failure   why no feed came from it, or null
 * @param duplicate true when the redirects led to a capture this read had already read (nothing new, not counted)
 */
public record ArchivedDocument(CdxCapture listed, CaptureSource source, List<RedirectHop> redirects, ParsedFeed feed,
                               ArchiveFailure failure, boolean duplicate) {

    public ArchivedDocument {
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(source, "source");
        redirects = List.copyOf(redirects);
    }

    /** The capture held a feed (possibly with no items). */
    public boolean readAsFeed() {
        return feed != null && !duplicate;
    }
}
