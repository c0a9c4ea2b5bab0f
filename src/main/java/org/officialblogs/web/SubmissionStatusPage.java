package org.officialblogs.web;

import org.officialblogs.registry.SubmissionService;

/** The private status page of a submission (or a bulk upload): pending, approved or rejected with the reason. */
public record SubmissionStatusPage(SiteInfo site, SubmissionService.Status status, String statusUrl, boolean justSubmitted) {}
