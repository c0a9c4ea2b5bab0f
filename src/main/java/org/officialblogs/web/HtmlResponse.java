package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * A kept page written straight to the response, gzipped once and for all when the client accepts gzip. Javalin sends
 * a result by copying it through a new 32 KB buffer per request: for the kept pages, which are already bytes, that
 * buffer was 85 % of what the site allocated in a flight recording of the pages under load, and the collector's work
 * grew with it. And it compresses each answer anew for every browser that asks.
 */
final class HtmlResponse {

    private HtmlResponse() {
    }

    /**
     * Sends the page with the status set so far (200 for the kept pages), gzipped if the request's
     * {@code Accept-Encoding} allows it; the encoding is decided here, so Javalin's own compression is off for it. The
     * Server-Timing header goes first, since a page larger than Jetty's buffer sends the headers while it is written;
     * a client that hangs up meanwhile ends the request as one whose body stopped arriving does (see the error handler
     * in {@link WebApp}).
     */
    static void send(Context ctx, KeptPage page) {
        byte[] body = page.html();
        ctx.disableCompression();
        ctx.contentType("text/html; charset=utf-8");
        ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
        if (acceptsGzip(ctx.header(Header.ACCEPT_ENCODING))) {
            body = page.gzipped();
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        ctx.res().setContentLength(body.length);
        WebApp.serverTiming(ctx);
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the page kept in {@code cache} under {@code key} while the data it was rendered from is unchanged; else
     * renders it, sends it and keeps it when its status is 200 (a page sent with another status is never served
     * again as the page). The data version is read before anything is rendered, so a write landing meanwhile leaves
     * the page kept as stale, never as current.
     */
    static void sendKeptOrRendered(Context ctx, RenderedPageCache cache, String key, Supplier<byte[]> render) {
        long version = cache.version();
        KeptPage kept = cache.get(key, version);
        if (kept != null) {
            send(ctx, kept);
            return;
        }
        byte[] html = render.get();
        send(ctx, ctx.status().getCode() == 200 ? cache.put(key, version, html) : new KeptPage(html));
    }

    /**
     * Whether an {@code Accept-Encoding} value accepts gzip (RFC 9110, section 12.5.3): {@code gzip} or
     * {@code x-gzip} with a weight above 0, or else {@code *} with one. No header, or one that names neither: no.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) return false;
        QuotedQualityCSV codings = new QuotedQualityCSV();
        codings.addValue(acceptEncoding);
        double gzip = -1;
        double any = -1;
        for (QuotedQualityCSV.QualityValue coding : codings.getQualityValues()) {
            String name = coding.getValue().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = Math.max(gzip, coding.getWeight());
            } else if (name.equals("*")) {
                any = Math.max(any, coding.getWeight());
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }
}
