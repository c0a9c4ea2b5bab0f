package org.officialblogs.web;

import org.officialblogs.registry.BulkSubmissions;

/** The dry run of a bulk upload (or a commit that created nothing): every row with its verdict and reason. */
public record BulkReportPage(SiteInfo site, BulkSubmissions.DryRun report, String csrfToken, String message, int confirmMinutes) {

    public long newRows() {
        return report.count(BulkSubmissions.RowStatus.NEW);
    }

    public long duplicateRows() {
        return report.count(BulkSubmissions.RowStatus.DUPLICATE);
    }

    public long errorRows() {
        return report.count(BulkSubmissions.RowStatus.ERROR);
    }
}
