package org.officialblogs.web;

import java.time.Instant;
import org.officialblogs.crawl.CrawlHealth;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.db.Coded;

/** GET /admin/crawl: the crawler's health, failing blogs by kind. */
public record CrawlHealthPage(SiteInfo site, AdminNav nav, CrawlHealth health, String kind, Pagination pagination) {

    /** The plain-words label of a stored failure kind ({@code http_5xx}), or the code itself when unknown. */
    public static String label(String kind) {
        if (kind == null) return "unknown";
        return Coded.parse(FailureKind.class, kind).map(FailureKind::label).orElse(kind.replace('_', ' '));
    }

    public String when(Instant at) {
        return at == null ? "never" : at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}
