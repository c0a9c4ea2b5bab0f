package org.officialblogs.web;

import org.officialblogs.registry.SubmissionService;

/**
 * What the submitter sees before saving: what the feed check found, the duplicates, and what will be sent; the
 * form's values travel along in hidden fields and are checked again on saving.
 */
public record SubmitPreviewPage(SiteInfo site, Form form, SubmissionService.Check check, String honeypot) {

    public String previewDate() {
        var p = check.preview();
        return p == null || p.latestPostAt() == null ? null : p.latestPostAt().toString().substring(0, 10);
    }
}
