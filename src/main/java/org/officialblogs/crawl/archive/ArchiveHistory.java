package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;

/**
 * Everything one read of a blog's history from the archive found: what the index listed, which captures were
 * fetched and what each held (with its source), the posts merged from them, and what the captures cover.
 *
 * @param request           the blog asked about
 * @param listings          one per CDX query, in the order asked
 * @param listed            the distinct captures listed, all queries together, oldest first
 * @param documents         the captures fetched, in the order fetched, each with its source and outcome
 * @param posts             the posts, merged across captures
 * @param coverage          what the captures cover of the posts' period
 * @param skippedAsClose    captures not fetched because one of the same address shortly before was read as a feed
 * @param skippedOverBudget captures not fetched because the read's budget was spent
 * @param stoppedBy         why the read stopped before the end (the archive asked us to wait), or null
 */
public record ArchiveHistory(ArchiveRequest request, List<CdxListing> listings, List<CdxCapture> listed,
                             List<ArchivedDocument> documents, List<ArchivedPost> posts, ArchiveCoverage coverage,
                             int skippedAsClose, int skippedOverBudget, ArchiveFailure stoppedBy) {

    public ArchiveHistory {
        Objects.requireNonNull(request, "request");
        listings = List.copyOf(listings);
        listed = List.copyOf(listed);
        documents = List.copyOf(documents);
        posts = List.copyOf(posts);
        Objects.requireNonNull(coverage, "coverage");
    }

    /** The read went through every listed capture it meant to (none of its queries or fetches was cut short). */
    public boolean complete() {
        return stoppedBy == null && skippedOverBudget == 0 && listings.stream().allMatch(CdxListing::complete);
    }

    /** The documents read as feeds. */
    public List<ArchivedDocument> feeds() {
        return documents.stream().filter(ArchivedDocument::readAsFeed).toList();
    }
}
