package org.officialblogs.web;

import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.slf4j.LoggerFactory;

/**
 * Slow request bodies against the real app on loopback: 300 connections from one address (127.0.0.2) each declare
 * a 100,000-byte body and send it a byte at a time, while a visitor on 127.0.0.1 loads pages. Every visitor request
 * succeeds in time; the slow clients are answered 408 and logged at INFO, with no error logged. Bounded: the attack
 * runs for 8 seconds, then its sockets are closed.
 */
class SlowClientTest {

    static final int ATTACKERS = 300;

    @TempDir
    Path dir;
    TestServer server;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS", "5000"));
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        server.close();
    }

    @Test
    void slowBodiesFromOneAddressDoNotStopOtherVisitorsAndAreDroppedAs408() throws Exception {
        List<Socket> attack = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Long> visitorMs = new ArrayList<>();
        try {
            for (int i = 0; i < ATTACKERS; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.0.2", 0));
                s.connect(new InetSocketAddress("127.0.0.1", server.javalin.port()), 2000);
                s.getOutputStream().write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                attack.add(s);
            }
            HttpClient visitor = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            long nextDrip = 0;
            while (System.nanoTime() < end) {
                if (System.nanoTime() > nextDrip) {
                    // one more byte on every connection: each keeps its idle timeout from ever firing
                    for (Socket s : attack) drip(s);
                    nextDrip = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
                long t0 = System.nanoTime();
                HttpResponse<String> page = visitor.send(HttpRequest.newBuilder(server.base.resolve("/methodology"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                visitorMs.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(page.statusCode()).isEqualTo(200);
            }
            for (Socket s : attack) answers.add(answer(s));
        } finally {
            for (Socket s : attack) s.close();
        }
        assertThat(visitorMs).as("visitor requests made").hasSizeGreaterThan(5);
        assertThat(visitorMs).as("every visitor request answered within 5 s").allMatch(ms -> ms < 5000);
        long dropped = answers.stream().filter(a -> a.startsWith("HTTP/1.1 408 ")).count();
        assertThat(dropped).as("slow clients answered 408 within the 8 s").isGreaterThanOrEqualTo(16);
        assertThat(answers).as("no slow client got another answer").allMatch(a -> a.isEmpty() || a.startsWith("HTTP/1.1 408 "));
        List<ILoggingEvent> events = List.copyOf(logged.list);
        assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("slow request body dropped ip=127.0.0.2"))
                .isNotEmpty().allMatch(e -> e.getLevel() == Level.INFO);
        assertThat(events).as("nothing logged as an error").noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void aBodyThatKeepsUpWithTheLeastRateIsReadWhole() throws Exception {
        String json = "{\"name\": \"" + "x".repeat(2970) + "\"}";
        byte[] body = json.getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // 3,000 bytes in three parts over 1.2 s: above 1,024 bytes a second
            for (int i = 0; i < 3; i++) {
                out.write(body, i * 1000, i == 2 ? body.length - 2000 : 1000);
                out.flush();
                Thread.sleep(400);
            }
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 422 ").contains("\"errors\"");
        }
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().startsWith("slow request body dropped"));
    }

    @Test
    void aFormWithoutItsCsrfCookieIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.javalin.port())) {
            s.setSoTimeout(10_000);
            // the headers of a large form, and not a byte of it
            s.getOutputStream().write(("POST /submit HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 403");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("without waiting for the body").isLessThan(Duration.ofSeconds(3));
        }
    }

    private static void drip(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            // the server closed it: dropped, as it should be
        }
    }

    /** What the server answered on this connection so far (without waiting). */
    private static String answer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int n = Math.min(in.available(), 64);
        byte[] head = in.readNBytes(n);
        return new String(head, StandardCharsets.US_ASCII);
    }
}
