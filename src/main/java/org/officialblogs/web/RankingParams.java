package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.officialblogs.db.Coded;
import org.officialblogs.metrics.Listing;
import org.officialblogs.metrics.MeasuredStatus;
import org.officialblogs.metrics.RankingSort;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * The list, filters, order and page of a rankings view, read from the URL the same way for the page and the API:
 * an unknown value falls back to "any" or to the list's natural order, and is named in {@code problems} so that the
 * page can say so and the API can refuse it.
 */
record RankingParams(Listing listing, String country, String level, String branch, MeasuredStatus status, String search,
                     RankingSort sort, RankingSort defaultSort, boolean descending, int page, List<String> problems) {

    private static final Set<RankingSort> HISTORICAL_SORTS = EnumSet.of(RankingSort.NAME,
            RankingSort.OFFICE, RankingSort.JURISDICTION, RankingSort.STATUS, RankingSort.LAST_POST,
            RankingSort.POSTS_PER_WEEK, RankingSort.CONSISTENCY);

    static RankingParams parse(Context ctx) {
        List<String> problems = new ArrayList<>();
        String tab = DirectoryController.blankToNull(ctx.queryParam("tab"));
        if (tab != null && !tab.equals(Tab.RANKED) && !tab.equals(Tab.HISTORICAL) && !tab.equals(Tab.ALL)) {
            problems.add("there is no list '" + DirectoryController.shorten(tab) + "' (the lists are ranked, historical and all)");
        }
        String statusParam = DirectoryController.blankToNull(ctx.queryParam("status"));
        MeasuredStatus status = parseStatus(statusParam);
        if (statusParam != null && status == null) {
            problems.add("'" + DirectoryController.shorten(statusParam) + "' is not a status (active, slowing, dormant, unreachable,"
                    + " offline, lead or no data)");
        }
        Listing listing = status != null ? Listing.of(status)
                : Tab.HISTORICAL.equals(tab) ? Listing.HISTORICAL : Listing.RANKED;
        String country = DirectoryController.blankToNull(ctx.queryParam("country"));
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (country != null && !Countries.isValid(country)) {
            problems.add("'" + DirectoryController.shorten(ctx.queryParam("country").strip()) + "' is not a country code (two letters,"
                    + " such as GB or US)");
            country = null;
        }
        String levelParam = DirectoryController.blankToNull(ctx.queryParam("level"));
        String level = Level.parse(levelParam).map(Level::code).orElse(null);
        if (levelParam != null && level == null) {
            problems.add("'" + DirectoryController.shorten(levelParam) + "' is not a level (international, national, regional or local)");
        }
        String branchParam = DirectoryController.blankToNull(ctx.queryParam("branch"));
        String branch = Branch.parse(branchParam).map(Branch::code).orElse(null);
        if (branchParam != null && branch == null) {
            problems.add("'" + DirectoryController.shorten(branchParam) + "' is not a branch (executive, legislative, judicial, agency,"
                    + " diplomatic, central bank or other)");
        }
        String search = DirectoryController.blankToNull(ctx.queryParam("q"));
        if (search != null && search.length() > 200) search = search.substring(0, 200);
        // the historical list has no rank; its natural order is by status (then last post), which is its position
        RankingSort defaultSort = listing == Listing.RANKED ? RankingSort.RANK : RankingSort.STATUS;
        String sortParam = DirectoryController.blankToNull(ctx.queryParam("sort"));
        RankingSort sort = RankingSort.parse(sortParam).filter(s -> allowed(listing, s)).orElse(null);
        if (sortParam != null && sort == null) {
            problems.add("this list cannot be sorted by '" + DirectoryController.shorten(sortParam) + "'");
        }
        if (sort == null) sort = defaultSort;
        String dirParam = DirectoryController.blankToNull(ctx.queryParam("dir"));
        if (dirParam != null && !dirParam.equals("asc") && !dirParam.equals("desc")) {
            problems.add("the direction '" + DirectoryController.shorten(dirParam) + "' is neither asc nor desc");
        }
        boolean descending = "desc".equals(dirParam) || (!"asc".equals(dirParam) && sort.descendingByDefault());
        String pageParam = DirectoryController.blankToNull(ctx.queryParam("page"));
        int page = DirectoryController.parsePage(pageParam);
        if (pageParam != null && !pageParam.matches("[0-9]{1,9}")) {
            problems.add("'" + DirectoryController.shorten(pageParam) + "' is not a page number");
        }
        return new RankingParams(listing, country, level, branch, status, search, sort, defaultSort, descending, page,
                List.copyOf(problems));
    }

    /** The same view at another page (the API checks the page number itself, strictly). */
    RankingParams withPage(int other) {
        return new RankingParams(listing, country, level, branch, status, search, sort, defaultSort, descending, other,
                problems);
    }

    MetricsReadDao.RankingFilter filter(int pageSize) {
        return new MetricsReadDao.RankingFilter(listing, country, level, branch, status, search, sort, descending, page,
                pageSize);
    }

    static boolean allowed(Listing listing, RankingSort sort) {
        return listing == Listing.RANKED ? sort != RankingSort.STATUS : HISTORICAL_SORTS.contains(sort);
    }

    static MeasuredStatus parseStatus(String raw) {
        if (raw == null) return null;
        return Coded.parse(MeasuredStatus.class, raw.strip().replace('-', '_').replace(' ', '_')).orElse(null);
    }
}
