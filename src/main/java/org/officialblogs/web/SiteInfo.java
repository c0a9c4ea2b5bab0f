package org.officialblogs.web;

/**
 * What every page's layout needs: the product version, the public base URL, and a notice said on every page when
 * the site is not the real directory (the demo's "all synthetic"), else null.
 */
public record SiteInfo(String version, String baseUrl, String notice) {

    public SiteInfo(String version, String baseUrl) {
        this(version, baseUrl, null);
    }
}
