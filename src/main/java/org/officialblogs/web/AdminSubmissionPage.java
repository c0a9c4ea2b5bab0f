package org.officialblogs.web;

import org.officialblogs.registry.ModerationService;

/** One submission for a moderator: the details, the editable entry, and the approve / merge / reject forms. */
public record AdminSubmissionPage(SiteInfo site, AdminNav nav, ModerationService.QueueItem item, Form form,
                                  Choices choices, String message) {

    public boolean pending() {
        return item.submission().status().code().equals("pending");
    }
}
