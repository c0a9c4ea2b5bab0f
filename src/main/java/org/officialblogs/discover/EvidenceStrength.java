package org.officialblogs.discover;

/**
 * How strongly a check says the official keeps a blog, strongest first on the candidates page: the person's own blog
 * named by the source with recent posts, then a feed whose recent posts name the official, then a website's news
 * feed with recent posts, then a feed that has gone quiet, then nothing found. The number is stored and sorted on.
 */
public enum EvidenceStrength {
    UNCHECKED(0, "Not checked yet"),
    NO_FEED(1, "No feed found"),
    QUIET_FEED(2, "A feed, but no post in 90 days"),
    SITE_FEED(3, "A website's news feed with recent posts"),
    NAMED_FEED(4, "A feed whose recent posts name the official"),
    OWN_BLOG(5, "Own blog named in the source, with recent posts");

    private final int value;
    private final String label;

    EvidenceStrength(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static EvidenceStrength of(int value) {
        for (EvidenceStrength s : values()) if (s.value == value) return s;
        throw new IllegalArgumentException("no evidence strength " + value);
    }

    public static java.util.Optional<EvidenceStrength> parse(String code) {
        if (code == null) return java.util.Optional.empty();
        for (EvidenceStrength s : values()) if (s.code().equalsIgnoreCase(code.strip())) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }

    /** The strength of a check's evidence for an address of the given kind. */
    public static EvidenceStrength of(LinkKind kind, Evidence e) {
        if (e == null) return UNCHECKED;
        if (e.outcome() != Evidence.Outcome.FEED) return NO_FEED;
        if (e.posts90d() == null || e.posts90d() == 0) return QUIET_FEED;
        if (kind.ownBlog()) return OWN_BLOG;
        return e.byline() == Evidence.Byline.NAMED ? NAMED_FEED : SITE_FEED;
    }
}
