package org.officialblogs.registry;

import org.officialblogs.db.Coded;

/** Where a submission stands; the submitter sees it on the private status page. */
public enum SubmissionStatus implements Coded {
    PENDING("Waiting for a moderator"), APPROVED("Approved"), REJECTED("Rejected");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static SubmissionStatus fromCode(String code) {
        return Coded.of(SubmissionStatus.class, code);
    }
}
