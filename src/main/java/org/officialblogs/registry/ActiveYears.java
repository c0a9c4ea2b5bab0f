package org.officialblogs.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a registry entry says a blog was kept, when its words are a plain year or range ("2007-2008", "2006",
 * "c.2009-2010"). Anything else ("2008-2009+", "post 2018 seen", "listed as official blog in October 2017") says
 * neither when the blog began nor that it ended, and reads as nothing. Pure.
 *
 * @param first the first year
 * @param last  the last year
 */
public record ActiveYears(int first, int last) {

    private static final Pattern PLAIN = Pattern.compile(
            "\\s*(?:c\\.|ca\\.|circa)?\\s*(\\d{4})(?:\\s*[-\u2013\u2014]\\s*(\\d{4}))?\\s*");

    public ActiveYears {
        if (last < first) {
            throw new IllegalArgumentException("last year " + last + " before first " + first);
        }
    }

    public static Optional<ActiveYears> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PLAIN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        return first < 1990 || last > 9998 || last < first ? Optional.empty() : Optional.of(new ActiveYears(first, last));
    }

    /** The blog ended before {@code currentYear}: its last year is over. */
    public boolean endedBefore(int currentYear) {
        return last < currentYear;
    }
}
