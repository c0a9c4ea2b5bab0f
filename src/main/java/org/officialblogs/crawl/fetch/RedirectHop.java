package org.officialblogs.crawl.fetch;

import java.net.URI;

/** One redirect followed: from where, with which status, to where. */
public record RedirectHop(URI from, int status, URI to) {

    /** 301 and 308 say the resource moved for good, so a stored URL may be rewritten. */
    public boolean permanent() {
        return status == 301 || status == 308;
    }
}
