package org.officialblogs.web;

import java.util.List;
import org.officialblogs.registry.ModerationService;

/** The moderators' queue: pending submissions, oldest first, each with its preview and duplicates. */
public record AdminQueuePage(SiteInfo site, AdminNav nav, List<ModerationService.QueueItem> items, int pending, String message) {}
