package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.EnumSet;
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
 * unknown values fall back to "any" and to the list's natural order.
 */
record RankingParams(Listing listing, String country, String level, String branch, MeasuredStatus status, String search,
                     RankingSort sort, RankingSort defaultSort, boolean descending, int page) {

    private static final Set<RankingSort> HISTORICAL_SORTS = EnumSet.of(RankingSort.NAME,
            RankingSort.OFFICE, RankingSort.JURISDICTION, RankingSort.STATUS, RankingSort.LAST_POST,
            RankingSort.POSTS_PER_WEEK, RankingSort.CONSISTENCY);

    static RankingParams parse(Context ctx) {
        String tab = ctx.queryParam("tab");
        MeasuredStatus status = parseStatus(ctx.queryParam("status"));
        Listing listing = status != null ? Listing.of(status)
                : Tab.HISTORICAL.equals(tab) ? Listing.HISTORICAL : Listing.RANKED;
        String country = DirectoryController.blankToNull(ctx.queryParam("country"));
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (country != null && !Countries.isValid(country)) country = null;
        String level = Level.parse(ctx.queryParam("level")).map(Level::code).orElse(null);
        String branch = Branch.parse(ctx.queryParam("branch")).map(Branch::code).orElse(null);
        String search = DirectoryController.blankToNull(ctx.queryParam("q"));
        if (search != null && search.length() > 200) search = search.substring(0, 200);
        // the historical list has no rank; its natural order is by status (then last post), which is its position
        RankingSort defaultSort = listing == Listing.RANKED ? RankingSort.RANK : RankingSort.STATUS;
        RankingSort sort = RankingSort.parse(ctx.queryParam("sort")).filter(s -> allowed(listing, s))
                .orElse(defaultSort);
        String dirParam = ctx.queryParam("dir");
        boolean descending = "desc".equals(dirParam) || (!"asc".equals(dirParam) && sort.descendingByDefault());
        int page = DirectoryController.parsePage(ctx.queryParam("page"));
        return new RankingParams(listing, country, level, branch, status, search, sort, defaultSort, descending, page);
    }

    /** The same view at another page (the API checks the page number itself, strictly). */
    RankingParams withPage(int other) {
        return new RankingParams(listing, country, level, branch, status, search, sort, defaultSort, descending, other);
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
