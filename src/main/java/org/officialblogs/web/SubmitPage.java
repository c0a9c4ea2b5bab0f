package org.officialblogs.web;

import java.util.Map;

/** The submission form, empty or as the visitor left it; {@code alert} explains a refusal (rate limit, spam). */
public record SubmitPage(SiteInfo site, Form form, Map<String, String> help, Choices choices, String alert,
                         String honeypot) {}
