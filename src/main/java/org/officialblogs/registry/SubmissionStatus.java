package org.officialblogs.registry;

import java.util.Locale;

/** Where a submission stands; the submitter sees it on the private status page. */
public enum SubmissionStatus {
    PENDING("Waiting for a moderator"), APPROVED("Approved"), REJECTED("Rejected");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubmissionStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
