package org.officialblogs.web;

/** A 404 or 500 page: a status, a title and a sentence a visitor can act on. */
public record ErrorPage(SiteInfo site, int status, String title, String message) {}
