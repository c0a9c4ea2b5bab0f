package org.officialblogs.registry;

import java.util.Locale;
import java.util.Optional;

/** The branch of government an office belongs to. */
public enum Branch {
    EXECUTIVE("Executive"), LEGISLATIVE("Legislative"), JUDICIAL("Judicial"), AGENCY("Agency"),
    DIPLOMATIC("Diplomatic"), CENTRAL_BANK("Central bank"), OTHER("Other");

    private final String label;

    Branch(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Branch> parse(String s) {
        if (s == null) return Optional.empty();
        String v = s.strip().replace(' ', '_').replace('-', '_');
        for (Branch b : values()) if (b.code().equalsIgnoreCase(v)) return Optional.of(b);
        return Optional.empty();
    }
}
