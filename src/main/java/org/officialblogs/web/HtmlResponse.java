package org.officialblogs.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A rendered page written straight to the response. Javalin sends a result by copying it through a new 32 KB buffer
 * per request: for the kept pages, which are already bytes, that buffer was 85 % of what the site allocated in a
 * flight recording of the pages under load, and the collector's work grew with it.
 */
final class HtmlResponse {

    private HtmlResponse() {
    }

    /**
     * Sends the page with the status set so far (200 for the kept pages). The Server-Timing header goes first, since
     * a page larger than Jetty's buffer sends the headers while it is written; a client that hangs up meanwhile ends
     * the request as one whose body stopped arriving does (see the error handler in {@link WebApp}).
     */
    static void send(Context ctx, byte[] html) {
        ctx.contentType("text/html; charset=utf-8");
        WebApp.serverTiming(ctx);
        try {
            ctx.outputStream().write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
