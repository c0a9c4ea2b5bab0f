package org.officialblogs.web;

import java.util.List;
import java.util.Map;

/** The bulk upload form: the file, the shared values for OPML rows, the submitter. */
public record BulkPage(SiteInfo site, Form form, Map<String, String> help, Choices choices, List<String> csvColumns,
                       String alert, String honeypot, int maxRows, int maxKiB) {}
