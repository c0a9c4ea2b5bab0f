package org.officialblogs.crawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes {@code Content-Encoding} as a stream, so the caller can stop reading at its size limit: a compression bomb
 * never expands further than the bytes actually read.
 */
final class ContentDecoding {

    /** What we can decode, so what we advertise. */
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private ContentDecoding() {
    }

    /** Thrown for a coding we do not know; the response is then unreadable. */
    static final class UnsupportedCodingException extends IOException {
        UnsupportedCodingException(String coding) {
            super("unsupported Content-Encoding: " + coding);
        }
    }

    /** Wraps {@code raw} in decoders for each coding listed, last applied first; null or identity passes through. */
    static InputStream decode(InputStream raw, String contentEncoding) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return raw;
        }
        List<String> codings = new ArrayList<>();
        for (String part : contentEncoding.split(",")) {
            String coding = part.trim().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        Collections.reverse(codings);
        InputStream in = raw;
        for (String coding : codings) {
            in = switch (coding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
                case "deflate" -> inflate(in);
                case "br" -> new BrotliInputStream(in);
                default -> throw new UnsupportedCodingException(coding);
            };
        }
        return in;
    }

    /** HTTP "deflate" means zlib-wrapped (RFC 1950), but some servers send raw deflate: look at the header. */
    private static InputStream inflate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int b0 = peek.read();
        int b1 = b0 < 0 ? -1 : peek.read();
        if (b1 >= 0) {
            peek.unread(b1);
        }
        if (b0 >= 0) {
            peek.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(peek, inflater, 8192) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end(); // a caller-supplied Inflater is not ended by the stream itself
                }
            }
        };
    }
}
