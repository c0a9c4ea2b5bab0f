package org.officialblogs.web;

/** The moderators' login form; {@code message} says why the last attempt failed. */
public record LoginPage(SiteInfo site, Form form, String next, String message) {}
