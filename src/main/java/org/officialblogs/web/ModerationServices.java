package org.officialblogs.web;

import java.time.Clock;
import org.officialblogs.auth.LoginService;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.auth.SessionService;
import org.officialblogs.discover.CandidateReview;
import org.officialblogs.discover.WikidataEnrichment;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.SubmissionService;

/** The services behind submissions, moderation and moderators' logins, built in Main and handed to the web app. */
public record ModerationServices(SubmissionService submissions, BulkSubmissions bulk, ModerationService moderation,
                                 AuditLog audit, LoginService login, SessionService sessions, SecretTokens tokens,
                                 Clock clock, CandidateReview candidates, WikidataEnrichment wikidata,
                                 org.officialblogs.crawl.archive.ArchiveService archive) {}
