package org.officialblogs.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialblogs.crawl.archive.ArchiveDao;
import org.officialblogs.crawl.archive.ArchiveService;

/** GET /when-they-blogged: ended blogs by the era their period began, with the period's figures and coverage. */
final class WhenTheyBloggedController {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private final ArchiveService archive;
    private final Templates templates;
    private final SiteInfo site;
    private final ZoneId zone;

    WhenTheyBloggedController(ArchiveService archive, Templates templates, SiteInfo site, ZoneId zone) {
        this.archive = archive;
        this.templates = templates;
        this.site = site;
        this.zone = zone;
    }

    void show(Context ctx) {
        templates.render(ctx, "when-they-blogged.jte", new WhenTheyBloggedPage(site, eras(archive.endedBlogs(), zone)));
    }

    /** Pure: the rows in words, grouped by the five years their period began in. */
    static List<WhenTheyBloggedPage.Era> eras(List<ArchiveDao.EndedBlog> blogs, ZoneId zone) {
        Map<String, List<WhenTheyBloggedPage.Row>> byEra = new LinkedHashMap<>();
        for (ArchiveDao.EndedBlog b : blogs) {
            ArchiveDao.StoredRead r = b.read();
            int year = r.firstPostAt().atZone(zone).getYear();
            int start = year - Math.floorMod(year, 5);
            String era = start + " to " + (start + 4);
            byEra.computeIfAbsent(era, e -> new ArrayList<>()).add(row(b, zone));
        }
        List<WhenTheyBloggedPage.Era> eras = new ArrayList<>();
        byEra.forEach((label, rows) -> eras.add(new WhenTheyBloggedPage.Era("Began " + label, rows)));
        return eras;
    }

    static WhenTheyBloggedPage.Row row(ArchiveDao.EndedBlog b, ZoneId zone) {
        ArchiveDao.StoredRead r = b.read();
        String period = month(r.firstPostAt(), zone) + " to " + month(r.lastPostAt(), zone) + " ("
                + r.periodPosts() + (r.periodPosts() == 1 ? " post)" : " posts)");
        String perWeek = String.format(Locale.ROOT, "%.2f", r.postsPerWeek());
        String weeks = r.weeksWithPost() + " of " + r.periodWeeks();
        String gap = r.longestGapDays() == null ? "one post only"
                : Math.round(r.longestGapDays()) + (Math.round(r.longestGapDays()) == 1 ? " day" : " days");
        String replies;
        if (r.replyRate() == null) {
            replies = "no comments in the archive's copies";
        } else {
            replies = String.format(Locale.ROOT, "%d %% of %d posts with comments (95 %% interval %d to %d %%)",
                    Math.round(r.replyRate() * 100), r.repliesJudged(), Math.round(r.replyRateLow() * 100),
                    Math.round(r.replyRateHigh() * 100))
                    + (r.medianReplyHours() == null ? "" : String.format(Locale.ROOT, ", median reply after %.0f hours",
                    r.medianReplyHours()));
        }
        String coverage = r.months() == null ? "unknown" : r.months() + (r.months() == 1 ? " month" : " months")
                + (r.monthsWithoutCapture() == null || r.monthsWithoutCapture() == 0 ? ", a copy in each"
                : ", " + r.monthsWithoutCapture() + " without a copy");
        return new WhenTheyBloggedPage.Row(b.officialId(), r.blogId(), b.name(), b.office() == null ? "" : b.office(),
                b.country(), period, perWeek, weeks, gap, replies, coverage, r.lowerBound());
    }

    private static String month(Instant instant, ZoneId zone) {
        return MONTH.format(instant.atZone(zone));
    }
}
