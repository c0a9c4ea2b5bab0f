package org.officialblogs.crawl.comments;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Compares display names ignoring case, spacing and accents ("  josé  MARTÍNEZ" equals "Jose Martinez"). */
final class DisplayNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private DisplayNames() {
    }

    /** The comparable form of a name, or null when nothing is left. */
    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String text = INVISIBLE.matcher(name).replaceAll("");
        // NFKD splits accents from letters (and folds compatibility forms such as full-width letters).
        text = Normalizer.normalize(text, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        // Letters that carry no combining mark in Unicode, spelled as people type them without the accent.
        text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("đ", "d").replace("Đ", "D").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe")
                .replace("Œ", "OE").replace("ı", "i");
        text = SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? null : text;
    }

    static boolean same(String a, String b) {
        String left = normalise(a);
        return left != null && left.equals(normalise(b));
    }
}
