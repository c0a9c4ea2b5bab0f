package org.officialblogs.web;

import java.util.List;

/** The river of recent posts across all listed officials, one page of it. */
public record RecentPage(SiteInfo site, List<Item> items, int page, String previousHref, String nextHref) {

    /** One post in words. */
    public record Item(long postId, String title, String url, String date, String iso, long officialId,
                       String officialName, String office, String country, String comments, boolean replied,
                       String summary) {}
}
