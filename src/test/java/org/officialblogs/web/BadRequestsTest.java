package org.officialblogs.web;

import org.officialblogs.testkit.WebClient;
import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a client gets wrong answer 4xx with a message, never 500: an upload over the limit, a date beyond what
 * the database can count, a page number that is not one, and what Jetty itself refuses before the app sees it
 * (those answers carry the same security headers as every page).
 */
class BadRequestsTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBulkUploadOverTheLimitIs413WithAMessage() throws IOException {
        // a browser's upload of 6 MiB: the answer comes from the declared length, before the body is read, so the test
        // sends the head and the first part only (a client still uploading into a refused request races its reset)
        String token = "A".repeat(43);
        String boundary = "b0undary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\naaaa";
        String answer = raw("POST /submit/bulk HTTP/1.1\r\nHost: localhost\r\nCookie: ob_csrf=" + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + 6 * 1024 * 1024
                + "\r\n\r\n" + part);
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("too large").contains("at most 2048 KiB");
        assertThat(server.count("SELECT count(*) FROM bulk_upload")).isZero();
    }

    @Test
    void aChunkedUploadWithoutALengthIsStoppedAtTheLimitWith413() throws Exception {
        // a double-submit token of the right shape: cookie and form field agree, as a browser's would. The body goes
        // on its own thread and the answer is read meanwhile, from a plain socket: the server answers and closes while
        // the client is still sending, and a client that stops at its first failed write (as java.net.http does)
        // races the reset and may lose an answer that had already arrived
        String token = "A".repeat(43);
        String boundary = "b0undary";
        String head = "POST /submit/bulk HTTP/1.1\r\nHost: localhost\r\nCookie: ob_csrf=" + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        String firstPart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            Thread sender = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk(firstPart.getBytes(StandardCharsets.ISO_8859_1)));
                    byte[] data = new byte[64 * 1024];
                    Arrays.fill(data, (byte) 'a');
                    byte[] piece = chunk(data);
                    for (int i = 0; i < 7 * 16; i++) out.write(piece); // 7 MiB, never a length
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed: what it answered is read below
                }
            }, "chunked-upload");
            sender.setDaemon(true);
            sender.start();
            String answer = readAnswer(s.getInputStream());
            sender.join(10_000);
            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("too large");
        }
        assertThat(server.count("SELECT count(*) FROM bulk_upload")).isZero();
    }

    private static byte[] chunk(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(size, size.length + data.length + 2);
        System.arraycopy(data, 0, out, size.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    @Test
    void aDateBeyondFourDigitYearsIs400OnTheDownloadsAndTheApi() {
        for (String path : new String[] {"/data/posts.csv?from=%2B999999999-01-01", "/data/posts.ndjson?to=-999999999-01-01",
                "/api/v1/blogs?from=%2B999999999-01-01", "/api/v1/officials?to=%2B10000-01-01"}) {
            HttpResponse<String> res = server.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(400);
            assertThat(res.body()).as(path).contains("must be a day from 0001-01-01 to 9999-12-31");
        }
        assertThat(server.get("/data/posts.csv?from=2026-01-01&to=9999-12-31").statusCode()).isEqualTo(200);
    }

    @Test
    void theRankingsApiRefusesAPageThatIsNotOneLikeTheOtherLists() {
        for (String page : new String[] {"-1", "0", "abc", "1.5"}) {
            HttpResponse<String> res = server.get("/api/v1/rankings?page=" + page);
            assertThat(res.statusCode()).as(page).isEqualTo(400);
            assertThat(res.body()).as(page).contains("page must be a whole number from 1");
        }
        assertThat(server.get("/api/v1/rankings?page=2").statusCode()).isEqualTo(200);
    }

    @Test
    void jettysOwnAnswersToAnAddressTooLongOrAMalformedRequestCarryTheSecurityHeaders() throws IOException {
        String longUri = "GET /?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String malformed = "GET /%zz%%% HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String badHeader = "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n";
        for (String request : new String[] {longUri, malformed, badHeader}) {
            String answer = raw(request);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            assertThat(answer).as(request.substring(0, 20)).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(head).contains("x-content-type-options: nosniff").contains("x-frame-options: deny")
                    .contains("content-security-policy: default-src 'self'").contains("referrer-policy: same-origin");
            assertThat(answer).doesNotContain("jetty").doesNotContain("Exception");
        }
        assertThat(raw(longUri)).startsWith("HTTP/1.1 414 ").contains("The address is too long.");
        assertThat(raw(malformed)).contains("The request could not be read.");
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer(s.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) got.write(buf, 0, n);
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            // Jetty keeps or resets the connection; what arrived is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
