package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/** NEW proposes a blog (and maybe its official); EVIDENCE adds sources to an entry already listed. */
public enum SubmissionKind implements Coded {
    NEW, EVIDENCE;

    public static Optional<SubmissionKind> parse(String s) {
        return Coded.parse(SubmissionKind.class, s);
    }
}
