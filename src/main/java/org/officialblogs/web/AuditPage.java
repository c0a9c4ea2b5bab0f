package org.officialblogs.web;

import java.util.List;
import org.officialblogs.registry.AuditEntry;

/** The audit log, newest first: who did what, when, with the record before and after. */
public record AuditPage(SiteInfo site, AdminNav nav, List<AuditEntry> entries, Pagination pagination) {

    /** Where an entry's subject can be seen, or null. */
    public String subjectHref(AuditEntry e) {
        if (e.subjectId() == null) return null;
        return switch (e.subjectType()) {
            case "submission" -> "/admin/submissions/" + e.subjectId();
            case "official" -> "/admin/officials/" + e.subjectId();
            default -> null;
        };
    }
}
