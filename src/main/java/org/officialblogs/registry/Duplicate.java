package org.officialblogs.registry;

/**
 * Something already known that a submission repeats. LISTED_BLOG and PENDING_BLOG (the same blog address) stop a
 * new submission; LISTED_OFFICIAL and PENDING_OFFICIAL (same name, country and office) are shown as a warning,
 * since one official may have several blogs.
 */
public record Duplicate(Kind kind, Long officialId, Long blogId, Long submissionId, String name, String office,
                        String address, String reason) {

    /** What matched. */
    public enum Kind { LISTED_BLOG, LISTED_OFFICIAL, PENDING_BLOG, PENDING_OFFICIAL }

    public boolean blocking() {
        return kind == Kind.LISTED_BLOG || kind == Kind.PENDING_BLOG;
    }

    public boolean listed() {
        return kind == Kind.LISTED_BLOG || kind == Kind.LISTED_OFFICIAL;
    }
}
