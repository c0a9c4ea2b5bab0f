package org.officialblogs.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.crawl.CrawlHealth;
import org.officialblogs.metrics.Listing;
import org.officialblogs.metrics.MeasuredStatus;
import org.officialblogs.metrics.Movement;
import org.officialblogs.metrics.RankingSort;
import org.officialblogs.metrics.ScoreFormula;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.ListingStatus;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * GET / : the rankings. {@code tab=ranked} (default) lists active and slowing blogs by rank; {@code tab=historical}
 * the dormant and historical blogs apart; {@code tab=all} every registry entry (the directory). Filters (country,
 * level, branch, status, q), order (sort, dir) and page live in the URL, so a view can be shared.
 */
final class RankingsController {

    static final int PAGE_SIZE = 50;

    private final MetricsReadDao metrics;
    private final RenderedPageCache cache;
    private final DirectoryController directory;
    private final Templates templates;
    private final SiteInfo site;
    private final Readable readable;
    /** Every country by name, sorted once (the select shows those present in the list). */
    private final List<Map.Entry<String, String>> allCountries = Countries.all();

    private final CrawlDao crawl;
    private final RegistryDao registry;
    private final Clock clock;

    RankingsController(MetricsReadDao metrics, DirectoryController directory, Templates templates, SiteInfo site,
                       Readable readable, CrawlDao crawl, RegistryDao registry, Clock clock, RenderedPageCache cache) {
        this.crawl = crawl;
        this.registry = registry;
        this.clock = clock;
        this.metrics = metrics;
        this.cache = cache;
        this.directory = directory;
        this.templates = templates;
        this.site = site;
        this.readable = readable;
    }

    void show(Context ctx) {
        String tab = ctx.queryParam("tab");
        if (Tab.ALL.equals(tab)) {
            directory.show(ctx);
            return;
        }
        // the most visited page: served from the last rendering while the metrics it shows are unchanged
        HtmlResponse.sendKeptOrRendered(ctx, cache, ctx.queryString() == null ? "/" : "/?" + ctx.queryString(),
                () -> render(ctx));
    }

    private byte[] render(Context ctx) {
        RankingParams params = RankingParams.parse(ctx);
        Listing listing = params.listing();
        MeasuredStatus status = params.status();
        String country = params.country();
        String level = params.level();
        String branch = params.branch();
        String search = params.search();
        RankingSort defaultSort = params.defaultSort();
        RankingSort sort = params.sort();
        boolean descending = params.descending();
        int page = params.page();
        List<String> notes = new ArrayList<>();
        for (String problem : params.problems()) notes.add("Ignored in the address: " + problem + ".");

        MetricsReadDao.RankingResult result = metrics.rankings(params.filter(PAGE_SIZE));
        int pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            notes.add(Pagination.pastTheEnd(page, pages));
            page = pages;
            result = metrics.rankings(params.withPage(page).filter(PAGE_SIZE));
        }

        boolean ranked = listing == Listing.RANKED;
        String tabKey = ranked ? Tab.RANKED : Tab.HISTORICAL;
        Map<String, String> filterParams = new LinkedHashMap<>();
        filterParams.put("tab", ranked ? null : Tab.HISTORICAL);
        filterParams.put("country", country);
        filterParams.put("level", level);
        filterParams.put("branch", branch);
        filterParams.put("status", status == null ? null : status.code());
        filterParams.put("q", search);
        Map<String, String> viewParams = new LinkedHashMap<>(filterParams);
        viewParams.put("sort", sort == defaultSort ? null : sort.key());
        viewParams.put("dir", descending == sort.descendingByDefault() ? null : descending ? "desc" : "asc");

        List<RankingsPage.Line> lines = new ArrayList<>(result.rows().size());
        for (MetricsReadDao.RankingRow row : result.rows()) {
            lines.add(line(row));
        }
        String fc = country;
        MetricsReadDao.RankingResult shown = result;
        List<RankingsPage.Option> countries = allCountries.stream()
                .filter(e -> shown.countries().get(listing).containsKey(e.getKey()))
                .map(e -> new RankingsPage.Option(e.getKey(), e.getValue(), e.getKey().equals(fc))).toList();
        String fl = level;
        List<RankingsPage.Option> levels = java.util.Arrays.stream(Level.values())
                .map(l -> new RankingsPage.Option(l.code(), l.label(), l.code().equals(fl))).toList();
        String fb = branch;
        List<RankingsPage.Option> branches = java.util.Arrays.stream(Branch.values())
                .map(b -> new RankingsPage.Option(b.code(), b.label(), b.code().equals(fb))).toList();
        List<RankingsPage.Option> statuses = java.util.Arrays.stream(MeasuredStatus.values())
                .filter(s -> Listing.of(s) == listing)
                .map(s -> new RankingsPage.Option(s.code(), Readable.statusLabel(s),
                        s == status)).toList();

        int total = result.total();
        String caption = ranked
                ? "Ranking of officials' blogs by score" + (total == 1 ? "" : ", " + total + " blogs")
                : "Dormant and historical blogs, not ranked" + (total == 1 ? "" : ", " + total + " blogs");
        return templates.renderBytes("rankings.jte", new RankingsPage(site,
                Tab.all(tabKey, result.listingTotals().get(Listing.RANKED),
                        result.listingTotals().get(Listing.HISTORICAL), null),
                ranked,
                new RankingsPage.Filters(ranked ? null : Tab.HISTORICAL, country, level, branch,
                        status == null ? null : status.code(), search,
                        viewParams.get("sort"), viewParams.get("dir")),
                countries, levels, branches, statuses, sortOptions(listing, sort),
                columns(listing, sort, defaultSort, descending, filterParams), lines,
                new Pagination(page, PAGE_SIZE, total, viewParams), caption, notes,
                total == 0 && ranked && country == null && level == null && branch == null && status == null
                        && search == null ? empty() : null));
    }

    /** Why nothing is ranked: the registry, the crawler's schedule, its last crawl and its failures. */
    private RankingsPage.Empty empty() {
        Map<String, Long> byStatus = registry.countBlogsByStatus();
        long leads = byStatus.getOrDefault(ListingStatus.LEAD.code(), 0L);
        long listed = byStatus.entrySet().stream()
                .filter(e -> ListingStatus.parse(e.getKey()).map(ListingStatus::isCrawlable).orElse(false))
                .mapToLong(Map.Entry::getValue).sum();
        CrawlHealth h = crawl.health(clock.instant(), null, 0, 0);
        var commonest = h.failingByKind().entrySet().stream().findFirst();
        return new RankingsPage.Empty((int) listed, (int) leads, h.scheduled(), h.dueNow(),
                h.lastSuccessAt() == null ? null : readable.dateTime(h.lastSuccessAt()), h.failing(),
                commonest.map(e -> Readable.failure(e.getKey())).orElse(null),
                commonest.map(Map.Entry::getValue).orElse(0));
    }

    private record ColumnSpec(String label, RankingSort sort, boolean numeric) {}

    /** The sort control of narrow screens: every column the list sorts by, the current one selected. */
    private static List<RankingsPage.Option> sortOptions(Listing listing, RankingSort current) {
        return specs(listing).stream().map(c -> new RankingsPage.Option(c.sort().key(), c.label(), c.sort() == current))
                .toList();
    }

    private static List<ColumnSpec> specs(Listing listing) {
        return listing == Listing.RANKED
                ? List.of(new ColumnSpec("Rank", RankingSort.RANK, true),
                        new ColumnSpec("Official", RankingSort.NAME, false),
                        new ColumnSpec("Office", RankingSort.OFFICE, false),
                        new ColumnSpec("Jurisdiction", RankingSort.JURISDICTION, false),
                        new ColumnSpec("Posts a week", RankingSort.POSTS_PER_WEEK, true),
                        new ColumnSpec("Last 12 weeks", RankingSort.CONSISTENCY, false),
                        new ColumnSpec("Reply rate", RankingSort.REPLY_RATE, true),
                        new ColumnSpec("Median reply time", RankingSort.REPLY_TIME, true),
                        new ColumnSpec("Last post", RankingSort.LAST_POST, false),
                        new ColumnSpec("Score", RankingSort.SCORE, true),
                        new ColumnSpec("Change", RankingSort.MOVEMENT, false))
                : List.of(new ColumnSpec("Official", RankingSort.NAME, false),
                        new ColumnSpec("Office", RankingSort.OFFICE, false),
                        new ColumnSpec("Jurisdiction", RankingSort.JURISDICTION, false),
                        new ColumnSpec("Status", RankingSort.STATUS, false),
                        new ColumnSpec("Last post", RankingSort.LAST_POST, false),
                        new ColumnSpec("Posts a week", RankingSort.POSTS_PER_WEEK, true),
                        new ColumnSpec("Last 12 weeks", RankingSort.CONSISTENCY, false));
    }

    private static List<RankingsPage.Column> columns(Listing listing, RankingSort current, RankingSort defaultSort,
                                                     boolean descending, Map<String, String> filterParams) {
        List<ColumnSpec> specs = specs(listing);
        List<RankingsPage.Column> columns = new ArrayList<>();
        for (ColumnSpec spec : specs) {
            boolean sorted = spec.sort() == current;
            // a click on the sorted column reverses it; on another column sorts it its natural way first
            boolean nextDescending = sorted ? !descending : spec.sort().descendingByDefault();
            Map<String, String> p = new LinkedHashMap<>(filterParams);
            p.put("sort", spec.sort() == defaultSort && nextDescending == defaultSort.descendingByDefault() ? null
                    : spec.sort().key());
            p.put("dir", nextDescending == spec.sort().descendingByDefault() ? null : nextDescending ? "desc" : "asc");
            columns.add(new RankingsPage.Column(spec.label(), "/" + Pagination.query(p),
                    sorted ? (descending ? "descending" : "ascending") : null, spec.numeric()));
        }
        return columns;
    }

    private RankingsPage.Line line(MetricsReadDao.RankingRow row) {
        Movement mv = row.movement();
        String mvCss = "";
        String mvSymbol = "";
        String mvText = "";
        String mvLabel = "";
        if (mv != null) {
            switch (mv.direction()) {
                case UP -> {
                    mvCss = "up";
                    mvSymbol = "▲";
                    mvText = Integer.toString(mv.places());
                    mvLabel = "up " + Readable.count(mv.places(), "place", "places");
                }
                case DOWN -> {
                    mvCss = "down";
                    mvSymbol = "▼";
                    mvText = Integer.toString(mv.places());
                    mvLabel = "down " + Readable.count(mv.places(), "place", "places");
                }
                case SAME -> {
                    mvCss = "same";
                    mvSymbol = "=";
                    mvLabel = "no change";
                }
                case NEW -> {
                    mvCss = "new";
                    mvText = "new";
                    mvLabel = "not ranked the day before";
                }
            }
        }
        String reply;
        String replyDetail;
        String replyDetailLabel;
        if (!row.repliesMeasured()) {
            // never 0 % and never "comments closed": the platform hides the replies
            reply = RepliesWords.label(row.repliesMeasurable(), row.repliesReason());
            replyDetail = "";
            replyDetailLabel = "";
        } else if (row.commentsClosedEverywhere()) {
            reply = "comments closed";
            replyDetail = "";
            replyDetailLabel = "";
        } else if (row.replyRateShown() == null) {
            reply = "not enough data yet";
            int n = row.judgedPostsWithReaderComments();
            replyDetail = n == 0 ? "" : row.judgedPostsReplied() + " of " + n;
            replyDetailLabel = n == 0 ? "" : "replied posts of judged posts with reader comments; "
                    + ScoreFormula.MINIMUM_REPLY_SAMPLE + " are needed";
        } else {
            reply = Readable.percent(row.replyRateShown());
            replyDetail = Readable.percentRange(row.replyRateInterval().lower(), row.replyRateInterval().upper());
            replyDetailLabel = "95 % interval";
        }
        int weeks = row.weeksWithPostLast12();
        List<Boolean> strip = new ArrayList<>(row.weeklyPostsLast12().size());
        for (int count : row.weeklyPostsLast12()) strip.add(count > 0);
        Instant last = row.lastPostAt();
        String jurisdiction = Countries.name(row.country())
                + (row.region() == null || row.region().isBlank() ? "" : " · " + row.region());
        return new RankingsPage.Line(row.officialId(), row.name(), row.office(), jurisdiction, row.address(),
                row.rank() == null ? "" : row.rank().toString(),
                mvCss, mvSymbol, mvText, mvLabel,
                Readable.oneDecimal(row.postsPerWeek()), strip,
                weeks == 0 ? "No post in the last 12 weeks" : "Posted in " + weeks + " of the last 12 weeks", weeks + "/12",
                reply, replyDetail, replyDetailLabel,
                row.medianTimeToFirstReply() == null ? "—" : Readable.duration(row.medianTimeToFirstReply()),
                last == null ? "none" : readable.date(last), Readable.iso(last),
                Readable.oneDecimal(row.score()),
                Readable.statusLabel(row.status()), Readable.statusCss(row.status()), Readable.statusMeaning(row.status()),
                row.blogTitle() == null ? "" : row.blogTitle().strip(), Readable.host(row.address()),
                row.neverMeasured() ? unmeasured(row) : null);
    }

    /** What the registry knows of a blog never read: active years, its listing, its sources. */
    private static RankingsPage.Unmeasured unmeasured(MetricsReadDao.RankingRow row) {
        List<RankingsPage.Option> sources = row.sources().stream()
                .map(url -> new RankingsPage.Option(url, Readable.host(url), false)).toList();
        return new RankingsPage.Unmeasured(row.activeYears() == null || row.activeYears().isBlank() ? null
                : row.activeYears().strip(), Readable.listing(row.listingStatus()), sources, sources.size());
    }
}
