package org.officialblogs.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What narrows an export, as on the rankings page: the official's country and level, the blog's measured status,
 * and a date range (inclusive days, UTC) on the table's date column. Null means "any". {@code officialId} and
 * {@code blogId} narrow to one entry (the read API).
 */
public record ExportFilter(String country, String level, String status, LocalDate from, LocalDate to,
                           Long officialId, Long blogId) {

    public static final ExportFilter NONE = new ExportFilter(null, null, null, null, null, null, null);

    /** The days a filter may name: four-digit years only. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    static final Set<String> LEVELS = Set.of("international", "national", "regional", "local");
    static final Set<String> STATUSES = Set.of("active", "slowing", "dormant", "unreachable", "offline", "lead", "no_data");

    /** A parsed filter, or the problems with the input, each naming the parameter and what is allowed. */
    public record Parsed(ExportFilter filter, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads {@code country}, {@code level}, {@code status}, {@code from} and {@code to} from query parameters. */
    public static Parsed parse(Function<String, String> param) {
        List<String> problems = new ArrayList<>();
        String country = blankToNull(param.apply("country"));
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) problems.add("country must be a two-letter ISO 3166-1 code, got '" + country + "'");
        }
        String level = blankToNull(param.apply("level"));
        if (level != null) {
            level = level.toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) problems.add("level must be one of international, national, regional, local; got '" + level + "'");
        }
        String status = blankToNull(param.apply("status"));
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT).replace('-', '_');
            if (!STATUSES.contains(status)) {
                problems.add("status must be one of active, slowing, dormant, unreachable, offline, lead, no_data; got '" + status + "'");
            }
        }
        LocalDate from = date(param.apply("from"), "from", problems);
        LocalDate to = date(param.apply("to"), "to", problems);
        if (from != null && to != null && to.isBefore(from)) problems.add("to (" + to + ") is before from (" + from + ")");
        return new Parsed(new ExportFilter(country, level, status, from, to, null, null), problems);
    }

    /** The same filter, parsed from a map (absent keys are "any"). */
    public static Parsed parse(Map<String, String> params) {
        return parse(params::get);
    }

    public ExportFilter withOfficial(long id) {
        return new ExportFilter(country, level, status, from, to, id, blogId);
    }

    public ExportFilter withBlog(long id) {
        return new ExportFilter(country, level, status, from, to, officialId, id);
    }

    /** True when no filter is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static LocalDate date(String raw, String name, List<String> problems) {
        String v = blankToNull(raw);
        if (v == null) return null;
        try {
            LocalDate day = LocalDate.parse(v);
            // a five-digit or signed year parses, but its milliseconds since 1970 do not fit the database's numbers
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                problems.add(name + " must be a day from " + FIRST_DAY + " to " + LAST_DAY + ", got '" + v + "'");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a date as YYYY-MM-DD, got '" + v + "'");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
