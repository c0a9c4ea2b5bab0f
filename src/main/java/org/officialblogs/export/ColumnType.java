package org.officialblogs.export;

/** The Table Schema (Frictionless v2) type of an exported column, and how its value is held in a row. */
public enum ColumnType {
    /** A whole number, held as {@link Long}. */
    INTEGER("integer"),
    /** A decimal number, held as {@link Double}. */
    NUMBER("number"),
    /** Text, held as {@link String}. */
    STRING("string"),
    /** true or false, held as {@link Boolean}. */
    BOOLEAN("boolean"),
    /** A UTC instant with milliseconds (ISO 8601, e.g. 2024-06-16T12:00:00.250Z), held as {@link java.time.Instant}. */
    DATETIME("datetime"),
    /** A calendar day (YYYY-MM-DD), held as {@link String}. */
    DATE("date");

    private final String tableSchemaType;

    ColumnType(String tableSchemaType) {
        this.tableSchemaType = tableSchemaType;
    }

    /** The {@code type} of a Table Schema field. */
    public String tableSchemaType() {
        return tableSchemaType;
    }
}
