package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.auth.SessionService;

/**
 * The moderator's session cookie: HttpOnly (no script can read it), SameSite=Strict (no other site's page can
 * send it), Secure and {@code __Host-} prefixed when the site is served over https. Also the gates in front of the
 * moderation pages (redirect to the login page) and the moderation API (401).
 */
final class WebSessions {

    private static final String ATTRIBUTE = "officialblogs.session";

    private final SessionService sessions;
    private final boolean secure;
    private final String cookieName;

    WebSessions(SessionService sessions, boolean secure) {
        this.sessions = sessions;
        this.secure = secure;
        this.cookieName = cookieName(secure);
    }

    /** The session cookie's name: with the __Host- prefix (its rules enforced by browsers) when served over HTTPS. */
    static String cookieName(boolean secure) {
        return secure ? "__Host-ob_session" : "ob_session";
    }

    /** The session of this request, looked up once. */
    Optional<ActiveSession> current(Context ctx) {
        Optional<ActiveSession> cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        Optional<ActiveSession> s = sessions.resolve(ctx.cookie(cookieName));
        ctx.attribute(ATTRIBUTE, s);
        return s;
    }

    /** The logged-in moderator; only for handlers behind {@link #requirePage} or {@link #requireApi}. */
    ActiveSession moderator(Context ctx) {
        return current(ctx).orElseThrow(() -> new UnauthorizedResponse("Log in as a moderator first."));
    }

    void open(Context ctx, SessionService.Started started) {
        ctx.cookie(cookie(started.token(), (int) sessions.lifetime().toSeconds()));
        ctx.attribute(ATTRIBUTE, Optional.of(started.session()));
    }

    void close(Context ctx) {
        sessions.end(ctx.cookie(cookieName));
        ctx.cookie(cookie("", 0));
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(cookieName, value, "/", maxAgeSeconds, secure, true, null, SameSite.STRICT);
    }

    /** Before-handler of moderation pages: no session, no page; the login page brings the moderator back here. */
    void requirePage(Context ctx) {
        if (current(ctx).isPresent()) return;
        String back = ctx.method().name().equals("GET") ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/admin";
        ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** Before-handler of the moderation API: 401 without a session. */
    void requireApi(Context ctx) {
        if (current(ctx).isEmpty()) throw new UnauthorizedResponse("Log in as a moderator first: this API uses the moderator's session cookie.");
    }
}
