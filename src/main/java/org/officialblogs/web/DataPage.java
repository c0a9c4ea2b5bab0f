package org.officialblogs.web;

import java.util.List;

/** /data: the downloads, the data dictionary, the licence, how to cite, and what changed since the last snapshot. */
public record DataPage(SiteInfo site, String snapshotDay, List<TableFile> tables, List<Download> others,
                       String licenceTitle, String licenceUrl, String citation, Changes changes,
                       String formulaCells) {

    /** A table's two downloads and its dictionary entry. */
    public record TableFile(String name, String title, String description, String csvHref, String ndjsonHref,
                            String keys, String dateFilter, List<ColumnDoc> columns) {}

    /** One column of the data dictionary. */
    public record ColumnDoc(String name, String type, boolean required, String description) {}

    /** A file that is not a table. */
    public record Download(String name, String href, String description) {}

    /** The two latest snapshot days compared; {@code latest} is null before the first. */
    public record Changes(String latest, String previous, List<Line> lines, int added, int gone) {}

    /** One compared number. */
    public record Line(String what, int now, String before, String delta) {}
}
