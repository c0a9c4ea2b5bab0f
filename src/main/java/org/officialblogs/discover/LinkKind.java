package org.officialblogs.discover;

import java.util.Locale;
import java.util.Optional;

/**
 * How a source names an address: the person's own blog (Wikidata P1581, a Popolo link of type blog), a feed
 * (P1019, a Popolo rss link) or a website (P856, a Popolo website link), which is searched for a blog.
 */
public enum LinkKind {
    BLOG("own blog"), FEED("web feed"), WEBSITE("website");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An address the source itself calls the person's blog or feed (not a website to search). */
    public boolean ownBlog() {
        return this != WEBSITE;
    }

    public static Optional<LinkKind> parse(String code) {
        if (code == null) return Optional.empty();
        for (LinkKind k : values()) if (k.code().equalsIgnoreCase(code.strip())) return Optional.of(k);
        return Optional.empty();
    }
}
