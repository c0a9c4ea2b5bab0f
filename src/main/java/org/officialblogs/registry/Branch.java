package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/** The branch of government an office belongs to; its label is the capitalised code ("Central bank"). */
public enum Branch implements Coded {
    EXECUTIVE, LEGISLATIVE, JUDICIAL, AGENCY, DIPLOMATIC, CENTRAL_BANK, OTHER;

    /** Words of an office that name its branch, tried in this order (a minister who is also an MP is executive). */
    private static final java.util.List<java.util.Map.Entry<Branch, java.util.regex.Pattern>> OFFICE_WORDS = java.util.List.of(
            java.util.Map.entry(CENTRAL_BANK, words("central bank|federal reserve|reserve bank|national bank|bank of [a-z]+")),
            java.util.Map.entry(JUDICIAL, words("judge|justice|court|magistrate|tribunal")),
            java.util.Map.entry(DIPLOMATIC, words("ambassador|consul|envoy|permanent representative|high commissioner")),
            java.util.Map.entry(EXECUTIVE, words("minister|mayor|governor|president|premier|secretary of|secretary for"
                    + "|commissioner|high representative|chancellor of|head of government|first minister")),
            java.util.Map.entry(LEGISLATIVE, words("mp|mep|member of parliament|parliament|senator|senate|representative"
                    + "|house of|assembly|congress|congressman|congresswoman|councillor|councilor|councilman"
                    + "|councilwoman|council member|speaker|legislat[a-z]*|bundestag|riksdag|eduskunta|storting|folketing"
                    + "|knesset|diet|duma|sabha|delegate|alderman")),
            java.util.Map.entry(AGENCY, words("agency|administrator|director|chief information officer|chief executive"
                    + "|inspector|ombudsman|authority|office of")));

    private static java.util.regex.Pattern words(String alternatives) {
        return java.util.regex.Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    /**
     * The branch an office's words suggest ("U.S. Senator" legislative, "Ambassador to Tunisia" diplomatic), for a
     * file that gives no branch; OTHER when no word fits. A guess for moderators to check, never a fact.
     */
    public static Branch fromOffice(String office) {
        if (office == null) return OTHER;
        String text = office.toLowerCase(java.util.Locale.ROOT);
        for (var e : OFFICE_WORDS) if (e.getValue().matcher(text).find()) return e.getKey();
        return OTHER;
    }

    /** Also accepts the label's spelling: "central bank", "central-bank". */
    public static Optional<Branch> parse(String s) {
        return s == null ? Optional.empty() : Coded.parse(Branch.class, s.strip().replace(' ', '_').replace('-', '_'));
    }
}
