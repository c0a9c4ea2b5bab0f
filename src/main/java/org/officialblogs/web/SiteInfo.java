package org.officialblogs.web;

/** What every page's layout needs: the product version and the public base URL. */
public record SiteInfo(String version, String baseUrl) {}
