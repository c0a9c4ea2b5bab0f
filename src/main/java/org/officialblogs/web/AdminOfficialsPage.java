package org.officialblogs.web;

import java.util.List;
import org.officialblogs.registry.Official;

/** Finding an official to edit: every official, listed or not, whose name or office matches. */
public record AdminOfficialsPage(SiteInfo site, AdminNav nav, String query, List<Official> officials) {}
