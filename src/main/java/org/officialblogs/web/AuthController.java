package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.auth.LoginService;

/** GET /login, POST /login, POST /logout. */
final class AuthController {

    private static final Map<String, String> LABELS = labels();

    private final LoginService login;
    private final WebSessions sessions;
    private final CsrfGuard csrf;
    private final Templates templates;
    private final SiteInfo site;

    AuthController(LoginService login, WebSessions sessions, CsrfGuard csrf, Templates templates, SiteInfo site) {
        this.login = login;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.site = site;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("username", "Username");
        m.put("password", "Password");
        return m;
    }

    void form(Context ctx) {
        if (sessions.current(ctx).isPresent()) {
            ctx.redirect(localPath(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "", localPath(ctx.queryParam("next")), null);
    }

    void login(Context ctx) {
        String username = ctx.formParam("username");
        String next = localPath(ctx.formParam("next"));
        String typed = ctx.formParam("password");
        char[] password = typed == null ? new char[0] : typed.toCharArray();
        LoginService.Result result;
        try {
            result = login.login(username == null ? "" : username, password, ctx.ip());
        } finally {
            Arrays.fill(password, '\0');
        }
        if (result instanceof LoginService.Success s) {
            sessions.open(ctx, s.started());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } else if (result instanceof LoginService.Throttled t) {
            throttled(ctx, username, next, t);
        } else if (result instanceof LoginService.Busy b) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, b.retryAfter().toSeconds())));
            render(ctx, username, next, "The server is busy checking other logins, so your password was not checked. "
                    + "Please try again in a few seconds.");
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, username, next, "The username or the password is not right.");
        }
    }

    /** Before the login form is read: an address already over its limit is answered without reading the body. */
    void precheck(Context ctx) {
        if (ctx.method() != HandlerType.POST) return;
        login.addressThrottled(ctx.ip()).ifPresent(t -> {
            throttled(ctx, "", localPath(ctx.queryParam("next")), t);
            ctx.skipRemainingHandlers();
        });
    }

    private void throttled(Context ctx, String username, String next, LoginService.Throttled t) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        String wait = " Please wait " + t.retryAfterMinutes() + (t.retryAfterMinutes() == 1 ? " minute" : " minutes")
                + " and try again.";
        render(ctx, username, next, (t.wholeAddress() ? "Too many login attempts from your address."
                : "Too many failed attempts for this username from your address.") + wait);
    }

    void logout(Context ctx) {
        sessions.close(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String username, String next, String message) {
        Form form = new Form(Map.of("username", username == null ? "" : username), Map.of(), LABELS, csrf.publicToken(ctx));
        templates.render(ctx, "login.jte", new LoginPage(site, form, next, message));
    }

    /** Where to go after logging in: a path on this site only, never another site (no open redirect). */
    static String localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            return "/admin";
        }
        return next;
    }
}
