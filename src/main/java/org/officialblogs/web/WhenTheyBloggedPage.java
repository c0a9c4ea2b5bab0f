package org.officialblogs.web;

import java.util.List;

/** GET /when-they-blogged: blogs that ended, measured over their own active period from the web archive, by era. */
public record WhenTheyBloggedPage(SiteInfo site, List<Era> eras) {

    /** The blogs whose period began in one span of years. */
    public record Era(String label, List<Row> rows) {}

    /** One blog in words. */
    public record Row(long officialId, long blogId, String name, String office, String country, String period,
                      String postsPerWeek, String weeksWithPost, String longestGap, String replies,
                      String coverage, boolean lowerBound) {}
}
