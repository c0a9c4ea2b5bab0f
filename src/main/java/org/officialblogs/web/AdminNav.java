package org.officialblogs.web;

/** What every moderation page's header needs: who is logged in, the session's CSRF token, and the section shown. */
public record AdminNav(String username, String csrfToken, String section) {}
