package org.officialblogs.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.officialblogs.registry.BlogPreviewer;

/**
 * The submission preview: runs the crawler's own feed discovery on the address a submitter typed (robots.txt, the
 * address guard and politeness apply) and says what it found: the feed, its platform, how many posts it lists and
 * when the latest was published; or, in plain words, why no feed was found.
 */
public final class FeedPreviewer implements BlogPreviewer {

    /** Few candidates: the submitter waits for the answer. */
    private static final int CANDIDATES = 4;

    private final FeedLocator locator;

    public FeedPreviewer(FeedLocator locator) {
        this.locator = locator;
    }

    @Override
    public Preview preview(String address) {
        URI uri = CrawlService.httpUri(address);
        if (uri == null) {
            return Preview.notFound("This is not a web address we can check (it must start with http:// or https://).");
        }
        FeedLocator.Located found = locator.locate(uri, CANDIDATES, (purpose, r, feed, problem) -> { });
        if (!found.found()) {
            String detail = org.officialblogs.crawl.fetch.FailureKind.plainDetail(found.message());
            return Preview.notFound("No feed found: " + found.failure().label().toLowerCase(java.util.Locale.ROOT)
                    + "." + (detail == null ? "" : " (" + detail + ")"));
        }
        Instant latest = found.feed().items().stream().map(i -> i.published() != null ? i.published() : i.updated())
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new Preview(found.feedUrl().toString(), CrawlService.code(found.platform()),
                found.feed().items().size(), latest, null);
    }
}
