package org.officialblogs.web;

/** The replies-measurable state in words, for the ranking and the profile. */
final class RepliesWords {

    private RepliesWords() {
    }

    /**
     * @param state  "measurable", "not_on_platform", "service_not_measured" or "not_readable"
     * @param reason the crawler's reason, which names the platform or service; may be null
     */
    static String label(String state, String reason) {
        String where = where(reason);
        return switch (state == null ? "measurable" : state) {
            case "not_on_platform" -> "replies not measurable" + (where == null ? "" : " on " + where);
            case "service_not_measured" -> "comments on " + (where == null ? "another service" : where)
                    + ": not measured";
            case "not_readable" -> "comments not readable" + (reason == null || reason.indexOf(':') < 0 ? ""
                    : " (" + reason.substring(0, reason.indexOf(':')) + ")");
            default -> "replies measurable";
        };
    }

    /** The service the reason names first ("Disqus lets only...": Disqus; "Medium shows...": Medium). */
    private static String where(String reason) {
        if (reason == null || reason.isBlank()) return null;
        for (String verb : new String[] {" lets ", " shows "}) {
            int at = reason.indexOf(verb);
            if (at > 0) return reason.substring(0, at);
        }
        return null;
    }
}
