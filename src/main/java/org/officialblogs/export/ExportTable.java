package org.officialblogs.export;

import java.util.List;

/**
 * An exported table: its file name (without extension), what a row is, its columns in order, its keys, and the
 * filters that narrow it. The same definition drives the CSV and NDJSON files, datapackage.json and /data.
 *
 * @param dateFilter what the date range filters on in this table, or null when a date range does not apply
 */
public record ExportTable(String name, String title, String description, List<Column> columns, List<String> primaryKey,
                          List<ForeignKey> foreignKeys, String dateFilter) {

    public ExportTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
