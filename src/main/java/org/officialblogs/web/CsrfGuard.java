package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.auth.SecretTokens;

/**
 * Every form carries a token another site cannot know, and a POST without the right one is refused (403).
 * Moderation forms carry the session's own token. Public forms (submitting, logging in), which have no session,
 * use a double-submit cookie: a random token in a SameSite=Strict, HttpOnly cookie that the form repeats. The JSON
 * API for submissions is exempt: it needs a JSON content type, which a cross-site form cannot send, and grants no
 * more than the public form.
 */
final class CsrfGuard {

    static final String FIELD = "_csrf";
    private static final int COOKIE_DAYS = 30;

    private final WebSessions sessions;
    private final SecretTokens tokens;
    private final boolean secure;
    private final String cookieName;

    CsrfGuard(WebSessions sessions, SecretTokens tokens, boolean secure) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.secure = secure;
        this.cookieName = secure ? "__Host-ob_csrf" : "ob_csrf";
    }

    /** The token for a public form, setting the cookie when the visitor has none yet. */
    String publicToken(Context ctx) {
        String existing = ctx.cookie(cookieName);
        String token = SecretTokens.looksLikeToken(existing) ? existing : tokens.generate();
        // set again on every form, so a visitor's token lives as long as they keep using the site
        ctx.cookie(new Cookie(cookieName, token, "/", COOKIE_DAYS * 24 * 3600, secure, true, null, SameSite.STRICT));
        return token;
    }

    /**
     * Before-handler for every matched POST. The body is read only when there is a token to compare it with: a
     * request without the cookie or the session is refused before a byte of its form is read.
     */
    void check(Context ctx) {
        if (ctx.method() != HandlerType.POST || ctx.path().equals("/api/v1/submissions")) return;
        boolean moderation = ctx.path().startsWith("/admin") || ctx.path().equals("/logout");
        Optional<ActiveSession> session = sessions.current(ctx);
        String expected;
        if (moderation) {
            // logging out without a session changes nothing, so it needs no token
            if (session.isEmpty() && ctx.path().equals("/logout")) return;
            expected = session.map(ActiveSession::csrfToken).orElse(null);
        } else {
            String cookie = ctx.cookie(cookieName);
            expected = SecretTokens.looksLikeToken(cookie) ? cookie : null;
        }
        boolean ok = expected != null && SecretTokens.sameSecret(ctx.formParam(FIELD), expected);
        if (!ok) {
            throw new ForbiddenResponse("This form could not be accepted: it has expired or did not come from this site. "
                    + "Go back, reload the page and send it again.");
        }
    }
}
