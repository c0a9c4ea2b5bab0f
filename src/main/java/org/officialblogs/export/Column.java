package org.officialblogs.export;

import java.util.Objects;

/**
 * One column of an exported table: the single definition behind the CSV header, the NDJSON keys, the Table Schema
 * field of datapackage.json and the data dictionary on /data.
 *
 * @param format a Table Schema format ("uri", "email" is never used), or null for the type's default
 * @param required true when the value is never empty
 */
public record Column(String name, ColumnType type, String description, boolean required, String format) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, description, true, null);
    }

    static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, description, false, null);
    }

    static Column url(String name, String description) {
        return new Column(name, ColumnType.STRING, description, false, "uri");
    }
}
