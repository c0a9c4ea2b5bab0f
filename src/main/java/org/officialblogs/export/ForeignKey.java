package org.officialblogs.export;

/** A column of one exported table that refers to the key column of another. */
public record ForeignKey(String column, String table, String referencedColumn) {}
