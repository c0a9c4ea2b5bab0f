package org.officialblogs.registry;

import java.util.Locale;
import java.util.Optional;

/** NEW proposes a blog (and maybe its official); EVIDENCE adds sources to an entry already listed. */
public enum SubmissionKind {
    NEW, EVIDENCE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubmissionKind> parse(String s) {
        if (s == null) return Optional.empty();
        for (SubmissionKind k : values()) if (k.code().equalsIgnoreCase(s.strip())) return Optional.of(k);
        return Optional.empty();
    }
}
