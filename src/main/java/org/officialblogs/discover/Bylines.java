package org.officialblogs.discover;

import java.util.Arrays;
import java.util.List;
import org.officialblogs.registry.RegistryEntry;

/**
 * Whether an author name on a post names the official: the same name in any order or case, with or without accents,
 * a first name shortened to its initial ("J. Smith"), or the whole name inside a longer byline ("Mayor Jane Smith").
 * Names written without spaces (河野太郎) match when one contains the other.
 */
public final class Bylines {

    private Bylines() {}

    public static boolean names(String author, String officialName) {
        String a = RegistryEntry.fold(author);
        String n = RegistryEntry.fold(officialName);
        if (a.isEmpty() || n.isEmpty()) return false;
        if (a.equals(n)) return true;
        List<String> nameTokens = Arrays.stream(n.split(" ")).filter(t -> !t.isEmpty()).toList();
        List<String> authorTokens = Arrays.stream(a.split(" ")).filter(t -> !t.isEmpty()).toList();
        if (nameTokens.size() == 1 || authorTokens.size() == 1) {
            // no spaces (CJK names, handles): containment, when the shorter one is not a mere fragment
            String as = a.replace(" ", "");
            String ns = n.replace(" ", "");
            if (as.equals(ns)) return true;
            String shorter = as.length() <= ns.length() ? as : ns;
            String longer = shorter == as ? ns : as;
            return shorter.codePointCount(0, shorter.length()) >= 2 && longer.contains(shorter)
                    && (nameTokens.size() == 1 || shorter.length() >= 6);
        }
        if (authorTokens.containsAll(nameTokens)) return true;
        String first = nameTokens.get(0);
        String last = nameTokens.get(nameTokens.size() - 1);
        if (!authorTokens.contains(last) && !authorTokens.contains(first)) return false;
        // surname and first initial, in either order ("J Smith", "Smith J")
        String other = authorTokens.contains(last) ? first : last;
        return authorTokens.stream().anyMatch(t -> t.equals(other) || (t.length() == 1 && other.startsWith(t)));
    }
}
