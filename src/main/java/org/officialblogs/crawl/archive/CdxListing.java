package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;

/**
 * Every capture one CDX query listed, page after page.
 *
 * @param query     the question asked (its first page)
 * @param captures  the captures of all pages read, in the index's order
 * @param requests  CDX requests made (pages, retries after a wait not counted)
 * @param skipped   malformed rows left out, all pages together
 * @param notes     what was wrong with them (the first few per page)
 * @param truncated true when more pages were waiting after {@link ArchiveSettings#maxCdxPages()}
 * @param failure   why the listing stopped early (the captures before it are kept), or null
 */
public record CdxListing(CdxQuery query, List<CdxCapture> captures, int requests, int skipped, List<String> notes,
                         boolean truncated, ArchiveFailure failure) {

    public CdxListing {
        Objects.requireNonNull(query, "query");
        captures = List.copyOf(captures);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return failure == null && !truncated;
    }
}
