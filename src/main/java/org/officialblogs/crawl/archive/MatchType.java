package org.officialblogs.crawl.archive;

/** How the CDX index matches the queried address ({@code matchType}). */
public enum MatchType {
    /** Captures of this address only (the index ignores the scheme, {@code www.} and a trailing slash). */
    EXACT,
    /** Captures of every address starting with this one: {@code /feed/} also finds {@code /feed/atom/} and paged forms. */
    PREFIX;

    /** The parameter value the index expects. */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
