package org.officialblogs.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route, written beside it in the route table. Routes without a role are public. A moderator's
 * page without a session redirects to the login page; the moderation API answers 401.
 */
enum Access implements RouteRole {
    /** A moderator's page or form. */
    MODERATOR,
    /** The moderation API: the moderator's session cookie, JSON errors. */
    MODERATOR_API
}
