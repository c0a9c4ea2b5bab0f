package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/** The branch of government an office belongs to; its label is the capitalised code ("Central bank"). */
public enum Branch implements Coded {
    EXECUTIVE, LEGISLATIVE, JUDICIAL, AGENCY, DIPLOMATIC, CENTRAL_BANK, OTHER;

    /** Also accepts the label's spelling: "central bank", "central-bank". */
    public static Optional<Branch> parse(String s) {
        return s == null ? Optional.empty() : Coded.parse(Branch.class, s.strip().replace(' ', '_').replace('-', '_'));
    }
}
