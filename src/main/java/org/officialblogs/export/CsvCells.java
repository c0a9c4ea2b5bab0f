package org.officialblogs.export;

/**
 * Text cells of the CSV files made safe for spreadsheets (OWASP, "CSV Injection"): a spreadsheet program runs a cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula, so such a
 * cell is written with an apostrophe in front, which spreadsheets take as "this is text" and do not show. Every CSV
 * the site writes goes through here; NDJSON, the API and the SQLite copy keep the text as it is.
 */
public final class CsvCells {

    /** How the rule reads in the data dictionary and datapackage.json. */
    public static final String NOTE = "A text cell of a CSV file that would begin with =, +, -, @, a tab or a carriage "
            + "return begins with an apostrophe (') instead, so that spreadsheet programs show it as text rather than "
            + "run it as a formula; remove that one leading apostrophe to get the original text. The NDJSON files, the "
            + "API and the SQLite copy carry the text unchanged.";

    private CsvCells() {
    }

    /** The text as a CSV cell: unchanged, or with a leading apostrophe when it would start a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) return value;
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
