package org.officialblogs.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.officialblogs.export.AtomFeed;
import org.officialblogs.export.AtomWriter;
import org.officialblogs.registry.Countries;
import org.officialblogs.web.query.ActivityDao;

/**
 * GET /recent : the latest posts of all listed officials, newest first, paged (a "Planet" river);
 * GET /recent.atom : the same as an Atom feed; GET /new-blogs.atom : newly listed blogs as an Atom feed.
 */
final class RecentController {

    static final int PAGE_SIZE = 50;
    static final int FEED_SIZE = 50;
    /** Deep pages of a river are not useful and cost an index walk each; the feed archive stops here. */
    static final int MAX_PAGE = 200;
    private static final int SUMMARY_LENGTH = 280;

    private final ActivityDao activity;
    private final Templates templates;
    private final SiteInfo site;
    private final Readable readable;
    private final Clock clock;
    private final AtomWriter atom = new AtomWriter();
    private final RenderedPageCache cache;

    RecentController(ActivityDao activity, Templates templates, SiteInfo site, Readable readable, Clock clock,
                     RenderedPageCache cache) {
        this.cache = cache;
        this.activity = activity;
        this.templates = templates;
        this.site = site;
        this.readable = readable;
        this.clock = clock;
    }

    void show(Context ctx) {
        String raw = ctx.queryParam("page");
        int page = DirectoryController.parsePage(raw);
        if (raw != null && !raw.isBlank() && !raw.strip().matches("[0-9]{1,9}")) {
            throw new io.javalin.http.NotFoundResponse("'" + DirectoryController.shorten(raw.strip()) + "' is not a page"
                    + " number. The recent posts start at /recent.");
        }
        if (page > MAX_PAGE) {
            throw new io.javalin.http.NotFoundResponse("The river of recent posts keeps " + MAX_PAGE + " pages; page "
                    + page + " is beyond them. The research dataset on /data has every post.");
        }
        // served from the last rendering while the metrics are unchanged, like the rankings (new posts come with new
        // metrics: a crawl that stores posts recomputes them)
        HtmlResponse.sendKeptOrRendered(ctx, cache, "/recent?page=" + page, () -> render(page));
    }

    private byte[] render(int page) {
        // one row more than a page tells whether there is a next page, without counting a million posts
        List<ActivityDao.PublicPost> posts = activity.recentPosts(clock.instant(), (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        if (posts.isEmpty() && page > 1) {
            throw new io.javalin.http.NotFoundResponse("There is no page " + page + " of recent posts: the river ends"
                    + " earlier. The newest posts are on /recent.");
        }
        boolean hasNext = posts.size() > PAGE_SIZE && page < MAX_PAGE;
        List<RecentPage.Item> items = new ArrayList<>();
        for (ActivityDao.PublicPost p : posts.subList(0, Math.min(PAGE_SIZE, posts.size()))) {
            items.add(new RecentPage.Item(p.postId(), title(p.title()), p.url(), readable.date(p.publishedAt()),
                    Readable.iso(p.publishedAt()), p.officialId(), p.officialName(), p.office(),
                    Countries.name(p.country()),
                    p.readerComments() == null ? "" : Readable.count(p.readerComments(), "reader comment", "reader comments"),
                    p.officialReplied(), shorten(p.summary())));
        }
        return templates.renderBytes("recent.jte", new RecentPage(site, items, page,
                page > 1 ? (page == 2 ? "/recent" : "/recent?page=" + (page - 1)) : null,
                hasNext ? "/recent?page=" + (page + 1) : null));
    }

    void recentAtom(Context ctx) {
        Instant now = clock.instant();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (ActivityDao.PublicPost p : activity.recentPosts(now, 0, FEED_SIZE)) {
            entries.add(new AtomFeed.Entry(site.baseUrl() + "/officials/" + p.officialId() + "#post-" + p.postId(),
                    title(p.title()), p.url(), p.officialName(), p.publishedAt(), p.publishedAt(), shorten(p.summary())));
        }
        Instant updated = entries.isEmpty() ? now : entries.get(0).updated();
        writeAtom(ctx, new AtomFeed(site.baseUrl() + "/recent", org.officialblogs.export.DataExporter.titled("Official Blogs: recent posts by officials", site.notice()),
                site.baseUrl() + "/recent.atom", site.baseUrl() + "/recent", updated, entries));
    }

    void newBlogsAtom(Context ctx) {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (ActivityDao.NewBlog b : activity.newBlogs(FEED_SIZE)) {
            String office = b.office() == null || b.office().isBlank() ? "" : ", " + b.office();
            entries.add(new AtomFeed.Entry(site.baseUrl() + "/officials/" + b.officialId() + "#blog-" + b.blogId(),
                    b.officialName() + office + " (" + Countries.name(b.country()) + ")",
                    site.baseUrl() + "/officials/" + b.officialId(), "Official Blogs", b.addedAt(), b.addedAt(),
                    "Newly listed: the blog of " + b.officialName() + office + " at " + b.address() + "."));
        }
        Instant updated = entries.isEmpty() ? clock.instant() : entries.get(0).updated();
        writeAtom(ctx, new AtomFeed(site.baseUrl() + "/new-blogs", org.officialblogs.export.DataExporter.titled("Official Blogs: newly listed blogs", site.notice()),
                site.baseUrl() + "/new-blogs.atom", site.baseUrl() + "/", updated, entries));
    }

    private void writeAtom(Context ctx, AtomFeed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        atom.write(feed, out);
        ctx.contentType("application/atom+xml; charset=utf-8").result(out.toByteArray());
    }

    private static String title(String t) {
        return t == null || t.isBlank() ? "Untitled post" : t;
    }

    /**
     * A summary as a list shows it: without control characters (from broken feeds, they carry nothing a reader can
     * see), trimmed, each run of spaces and line breaks as one space, and cut at a word before
     * {@value #SUMMARY_LENGTH} characters. One pass that stops once the cut is known, copying words whole: a feed's
     * summary can be a whole article, and a page lists 50 of them.
     */
    static String shorten(String s) {
        if (s == null || s.isBlank()) return null;
        StringBuilder t = new StringBuilder(SUMMARY_LENGTH + 2);
        StringBuilder gap = new StringBuilder(); // whitespace since the last visible character, runs of \s as one space
        int n = s.length();
        int i = 0;
        while (i < n && t.length() <= SUMMARY_LENGTH) {
            char c = s.charAt(i);
            if (isAsciiSpace(c)) {
                if (gap.isEmpty() || gap.charAt(gap.length() - 1) != ' ') gap.append(' ');
                i++;
            } else if (c < 0x20 || c == 0x7F) {
                i++; // a control character that is not a space or line break: dropped
            } else if (Character.isWhitespace(c)) {
                gap.append(c); // other spaces (em space, line separator) stay between words, as in the text
                i++;
            } else {
                if (!t.isEmpty()) t.append(gap);
                gap.setLength(0);
                // the word up to where the cut is known: characters are taken while the text is not yet longer
                int end = i + 1;
                int room = Math.max(0, SUMMARY_LENGTH - t.length());
                while (end < n && end - i - 1 < room && isWordCharacter(s.charAt(end))) end++;
                t.append(s, i, end);
                i = end;
            }
        }
        if (t.length() <= SUMMARY_LENGTH) return t.toString();
        int cut = t.lastIndexOf(" ", SUMMARY_LENGTH);
        return t.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH) + "…";
    }

    /** Neither a space of any kind nor a control character: kept as it is. */
    private static boolean isWordCharacter(char c) {
        return c > ' ' && c != 0x7F && (c < 0x80 || !Character.isWhitespace(c));
    }

    /** What a regular expression's {@code \s} matches: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
