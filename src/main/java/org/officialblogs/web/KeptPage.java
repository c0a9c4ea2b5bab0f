package org.officialblogs.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered page as the site sends it: its HTML and, made the first time a client that accepts gzip asks for it, the
 * same HTML gzipped (the level Javalin compresses at, 6). Every browser asks for gzip; compressed once here, a kept
 * page is not compressed again for each visitor.
 */
final class KeptPage {

    private final byte[] html;
    /** Made at most a few times over when first asked for at once: each is the same bytes, and the last one stays. */
    private volatile byte[] gzipped;

    KeptPage(byte[] html) {
        this.html = html;
    }

    byte[] html() {
        return html;
    }

    byte[] gzipped() {
        byte[] g = gzipped;
        if (g == null) {
            g = gzip(html);
            gzipped = g;
        }
        return g;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
