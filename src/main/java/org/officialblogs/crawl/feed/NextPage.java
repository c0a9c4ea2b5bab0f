package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.Objects;

/** The next (older) page of a feed to fetch for backfill, and how it was derived. */
public record NextPage(URI url, PagingMethod method) {

    public NextPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
    }
}
