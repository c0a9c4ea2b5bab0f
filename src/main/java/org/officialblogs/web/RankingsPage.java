package org.officialblogs.web;

import java.util.List;

/**
 * The rankings page (the ranking, or the dormant and historical blogs): tabs, filters as set and their options,
 * the table's columns with their sort links, one page of rows, the page links, what in the address could not be
 * used ({@code notes}), and why the ranking is empty on a fresh install ({@code empty}, null when it has rows or
 * filters are set).
 */
public record RankingsPage(SiteInfo site, List<Tab> tabs, boolean ranked, Filters filters,
                           List<Option> countries, List<Option> levels, List<Option> branches, List<Option> statuses,
                           List<Option> sorts,
                           List<Column> columns, List<Line> rows, Pagination pagination, String caption,
                           List<String> notes, Empty empty) {

    /** The values of the filter form; null when not set. {@code tab}, {@code sort} and {@code dir} ride along. */
    public record Filters(String tab, String country, String level, String branch, String status, String search,
                          String sort, String dir) {

        public boolean any() {
            return country != null || level != null || branch != null || status != null || search != null;
        }
    }

    /** An option of a select: value, label, whether selected. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * A column header: its label, the link that sorts by it (null: not sortable), and its aria-sort value
     * ("ascending"/"descending", null when the table is not sorted by it).
     */
    public record Column(String label, String href, String ariaSort, boolean numeric) {

        /** An arrow after the sorted column's label (hidden from screen readers, which read aria-sort). */
        public String arrow() {
            return ariaSort == null ? "" : "ascending".equals(ariaSort) ? "▲" : "▼";
        }
    }

    /**
     * One row, every value already in words. {@code blogTitle} and {@code host} name the blog (either may be empty);
     * {@code unmeasured} is what the registry knows of a blog never read, null for a measured one.
     */
    public record Line(
            long officialId, String name, String office, String jurisdiction, String address,
            String rank, String movementCss, String movementSymbol, String movementText, String movementLabel,
            String postsPerWeek, List<Boolean> strip, String stripLabel, String stripShort,
            String reply, String replyDetail, String replyDetailLabel, String replyTime,
            String lastPost, String lastPostIso, String score,
            String status, String statusCss, String statusMeaning, String blogTitle, String host,
            Unmeasured unmeasured) {}

    /**
     * What the registry knows of a blog never measured (a lead, or no successful crawl yet): when it was active by
     * its sources, its place in the registry, and the sources themselves (address and host).
     */
    public record Unmeasured(String activeYears, String listing, List<Option> sources, int profileSources) {}

    /**
     * Why the ranking is empty on a fresh install: how many blogs are listed, how many are due, the last crawl, how
     * many failed and the commonest reason. Null fields are not known yet.
     */
    public record Empty(int listedBlogs, int leads, int scheduled, int due, String lastCrawl, int failing,
                        String commonestFailure, int commonestFailureCount) {}
}
