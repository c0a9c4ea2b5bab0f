package org.officialblogs.web;

import org.officialblogs.testkit.WebClient;
import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.EntryValidator;

/** Uploads too large to keep in memory are written to the data directory's uploads/ and gone when the request ends. */
class UploadTempFilesTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new org.officialblogs.registry.UnavailableBlogPreviewer(),
                Map.of("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS", "2000"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    long leftOver() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("uploads"))) {
            return files.count();
        }
    }

    /** The parts go when the request completes, a moment after the answer has left: wait for that, at most 5 s. */
    void awaitNoneLeft() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (leftOver() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
    }

    static byte[] requestHead(String token, String boundary, int length, String moreHeaders) {
        return ("POST /submit/bulk HTTP/1.1\r\nHost: localhost\r\nCookie: ob_csrf=" + token + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length + "\r\n"
                + moreHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aLargeUploadLeavesNoTemporaryFileWhateverItsOutcome() throws Exception {
        WebClient visitor = server.client();
        String token = visitor.csrf("/submit/bulk");
        StringBuilder csv = new StringBuilder(String.join(",", EntryValidator.COLUMNS)).append('\n');
        while (csv.length() < 600_000) {
            csv.append("Padded Person,Mayor,FI,,,local,executive,,,,,https://pad").append(csv.length())
                    .append(".example.fi/,,,,,,https://x.example.fi/,\n");
        }
        // a file over the in-memory threshold, sent in two parts: between them its first part is on disk
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(10_000);
            var out = s.getOutputStream();
            out.write(requestHead(token, boundary, head.length, "Connection: close\r\n"));
            out.write(head, 0, head.length - 1000);
            out.flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (leftOver() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(leftOver()).as("the part being received is on disk").isEqualTo(1);
            out.write(head, head.length - 1000, 1000);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 422 ");
        }
        awaitNoneLeft();
        assertThat(leftOver()).as("after the request").isZero();

        // the same upload, stopped half way: dropped after the body timeout, and its part removed
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(10_000);
            var out = s.getOutputStream();
            out.write(requestHead(token, boundary, head.length, ""));
            out.write(head, 0, head.length / 2);
            out.flush();
            String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        }
        awaitNoneLeft();
        assertThat(leftOver()).as("after a dropped upload").isZero();
        // over the parser's own limit
        byte[] huge = new byte[4 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(visitor.postFile("/submit/bulk", Map.of("_csrf", token), "file", "huge.csv", huge).statusCode()).isEqualTo(413);
        awaitNoneLeft();
        assertThat(leftOver()).as("after an upload over the limit").isZero();
    }
}
