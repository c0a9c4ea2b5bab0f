package org.officialblogs.web;

import java.util.List;

/**
 * The rankings page (the ranking, or the dormant and historical blogs): tabs, filters as set and their options,
 * the table's columns with their sort links, one page of rows, and the page links.
 */
public record RankingsPage(SiteInfo site, List<Tab> tabs, boolean ranked, Filters filters,
                           List<Option> countries, List<Option> levels, List<Option> branches, List<Option> statuses,
                           List<Column> columns, List<Line> rows, Pagination pagination, String caption) {

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

    /** One row, every value already in words. */
    public record Line(
            long officialId, String name, String office, String jurisdiction, String address,
            String rank, String movementCss, String movementSymbol, String movementText, String movementLabel,
            String postsPerWeek, List<Boolean> strip, String stripLabel, String stripShort,
            String reply, String replyDetail, String replyDetailLabel, String replyTime,
            String lastPost, String lastPostIso, String score,
            String status, String statusCss, String statusMeaning) {}
}
