package org.officialblogs.export;

/** Receives the rows of an exported table one at a time, values in column order (see {@link ColumnType}). */
@FunctionalInterface
public interface RowSink {
    void row(Object[] values);
}
