/**
 * Reading ended blogs from a web archive (the Internet Archive's Wayback Machine, or a mirror speaking its API):
 * the CDX index lists the captures of a blog's feed addresses, raw mode returns each capture's original bytes, and
 * the feed reader reads them as it reads a live feed.
 *
 * <p>Flow: {@link org.officialblogs.crawl.archive.ArchiveQueryPlan} says which addresses to ask the index about;
 * {@link org.officialblogs.crawl.archive.ArchiveClient} asks (paced, Retry-After obeyed, redirects kept inside the
 * archive) and fetches captures; {@link org.officialblogs.crawl.archive.CaptureSelection} decides which captures are
 * worth a request; {@link org.officialblogs.crawl.archive.ArchiveHistoryReader} ties these together for one blog;
 * {@link org.officialblogs.crawl.archive.PostMerger} and {@link org.officialblogs.crawl.archive.ArchiveCoverage} are
 * the pure parts: posts across captures, and what the captures cover.
 */
package org.officialblogs.crawl.archive;
