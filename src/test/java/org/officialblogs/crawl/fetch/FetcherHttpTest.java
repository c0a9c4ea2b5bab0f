package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.testkit.MutableClock;

class FetcherHttpTest {

    private static final String FEED = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Hello</title></feed>";

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private RecordingServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = RecordingServer.start("127.0.0.2");
        fetcher = new Fetcher(TestSettings.loopbackAllowed(), HostResolver.system(), clock);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(FetchRequest.feed(server.url(path), null, null));
    }

    @Test
    void okCarriesBodyValidatorsAndCacheHints() {
        server.text("/feed", 200, FEED, "Content-Type", "application/atom+xml; charset=utf-8",
                "ETag", "W/\"v1\"", "Last-Modified", "Tue, 01 Jan 2030 00:00:00 GMT",
                "Cache-Control", "public, max-age=900", "Expires", "Tue, 01 Jan 2030 01:00:00 GMT");

        FetchResult result = get("/feed");

        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(result.bytes()).isEqualTo(FEED.length());
        assertThat(result.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(result.etag()).isEqualTo("W/\"v1\"");
        assertThat(result.lastModified()).isEqualTo("Tue, 01 Jan 2030 00:00:00 GMT");
        assertThat(result.cache().maxAge()).isEqualTo(Duration.ofSeconds(900));
        assertThat(result.cache().expires()).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
        assertThat(result.finalUrl()).isEqualTo(server.url("/feed"));
        assertThat(result.redirects()).isEmpty();
        assertThat(result.allPermanent()).isFalse();
        assertThat(result.notModified()).isFalse();
        assertThat(result.failure()).isNull();
        assertThat(result.message()).isNull();
        assertThat(result.retryAt()).isNull();

        RecordingServer.Seen seen = server.requests("/feed").get(0);
        assertThat(seen.header("User-Agent")).isEqualTo("OfficialBlogs/9.9.9 (+https://officialblogs.test/about)");
        assertThat(seen.header("Accept-Encoding")).isEqualTo("gzip, deflate, br");
        assertThat(seen.header("Accept")).isEqualTo(FetchRequest.FEED_ACCEPT);
        assertThat(seen.header("If-None-Match")).isNull();
        assertThat(seen.header("If-Modified-Since")).isNull();
    }

    @Test
    void validatorsGoBackVerbatimAndA304KeepsThem() {
        String etag = "W/\"5e8-abc\"";
        String lastModified = "Tue, 01 Jan 2030 00:00:00 GMT";
        server.on("/feed", exchange -> {
            boolean fresh = etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                    && lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            if (fresh) {
                RecordingServer.send(exchange, 304, "", "ETag", etag); // Last-Modified omitted, as servers do
            } else {
                RecordingServer.send(exchange, 200, FEED, "ETag", etag, "Last-Modified", lastModified);
            }
        });

        FetchResult first = get("/feed");
        FetchResult second = fetcher.fetch(FetchRequest.feed(server.url("/feed"), first.etag(), first.lastModified()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.ok()).isTrue();
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isNull();
        assertThat(second.bytes()).isZero();
        assertThat(second.etag()).isEqualTo(etag);
        assertThat(second.lastModified()).isEqualTo(lastModified);
        RecordingServer.Seen conditional = server.requests("/feed").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo(etag);
        assertThat(conditional.header("If-Modified-Since")).isEqualTo(lastModified);
    }

    @Test
    void gzipBodyIsDecoded() throws IOException {
        server.on("/feed", exchange -> RecordingServer.send(exchange, 200, gzip(FEED), "Content-Encoding", "gzip"));

        FetchResult result = get("/feed");

        assertThat(result.ok()).isTrue();
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void zlibDeflateBodyIsDecoded() throws IOException {
        server.on("/feed", exchange -> RecordingServer.send(exchange, 200, deflate(FEED, false),
                "Content-Encoding", "deflate"));

        assertThat(new String(get("/feed").body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void rawDeflateBodyFromMisbehavingServersIsDecodedToo() throws IOException {
        server.on("/feed", exchange -> RecordingServer.send(exchange, 200, deflate(FEED, true),
                "Content-Encoding", "deflate"));

        assertThat(new String(get("/feed").body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void brotliBodyIsDecoded() throws IOException {
        byte[] plain = resource("/fetch/feed.xml");
        byte[] brotli = resource("/fetch/feed.xml.br");
        server.on("/feed", exchange -> RecordingServer.send(exchange, 200, brotli, "Content-Encoding", "br"));

        FetchResult result = get("/feed");

        assertThat(brotli.length).isLessThan(plain.length / 5);
        assertThat(result.ok()).isTrue();
        assertThat(result.body()).isEqualTo(plain);
    }

    @Test
    void unknownOrCorruptEncodingIsAProtocolFailure() {
        server.text("/compress", 200, FEED, "Content-Encoding", "compress");
        server.text("/broken", 200, "this is not gzip at all", "Content-Encoding", "gzip");

        FetchResult unknown = get("/compress");
        FetchResult broken = get("/broken");

        assertThat(unknown.failure()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(unknown.message()).contains("unsupported Content-Encoding: compress");
        assertThat(broken.failure()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(broken.body()).isNull();
    }

    @Test
    void bombBuilderMakesValidGzip() throws IOException {
        byte[] bomb = CompressionBombs.gzipOfZeros(3);
        long total = 0;
        long nonZero = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) { // also checks CRC and size
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    nonZero += buffer[i] == 0 ? 0 : 1;
                }
                total += n;
            }
        }
        assertThat(total).isEqualTo(3L << 20);
        assertThat(nonZero).isZero();
    }

    @Test
    void gzipBombIsStoppedAtTheLimitAfterDecompression() {
        byte[] bomb = CompressionBombs.gzipOfZeros(1024); // 1 GiB of zeros in about 1 MiB
        server.on("/bomb", exchange -> RecordingServer.send(exchange, 200, bomb, "Content-Encoding", "gzip"));

        FetchResult result = get("/bomb");

        assertThat(bomb.length).isLessThan(2 << 20);
        assertThat(result.failure()).isEqualTo(FailureKind.TOO_LARGE);
        assertThat(result.message()).contains("10485760 bytes").contains("after gzip decoding");
        assertThat(result.body()).isNull();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void plainBodyOverTheLimitFailsLoudlyInsteadOfTruncating() throws IOException {
        try (Fetcher small = new Fetcher(TestSettings.loopbackAllowed().withMaxBodyBytes(1000), HostResolver.system(),
                clock)) {
            server.text("/exact", 200, "x".repeat(1000));
            server.text("/over", 200, "x".repeat(1001));
            server.on("/chunked", exchange -> {
                exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to judge by
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("y".repeat(1001).getBytes(StandardCharsets.US_ASCII));
                }
            });

            FetchResult exact = small.fetch(FetchRequest.feed(server.url("/exact"), null, null));
            FetchResult over = small.fetch(FetchRequest.feed(server.url("/over"), null, null));
            FetchResult chunked = small.fetch(FetchRequest.feed(server.url("/chunked"), null, null));

            assertThat(exact.ok()).isTrue();
            assertThat(exact.bytes()).isEqualTo(1000);
            assertThat(over.failure()).isEqualTo(FailureKind.TOO_LARGE);
            assertThat(over.message()).contains("Content-Length 1001");
            assertThat(over.body()).isNull();
            assertThat(chunked.failure()).isEqualTo(FailureKind.TOO_LARGE);
            assertThat(chunked.body()).isNull();
        }
    }

    @Test
    void hugeStreamedBodyIsCutOffWithoutDrainingIt() throws Exception {
        CompletableFuture<Integer> mebibytesWritten = new CompletableFuture<>();
        server.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] mib = new byte[1 << 20];
            int written = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                for (; written < 512; written++) { // 512 MiB if nobody stops reading
                    out.write(mib);
                }
            } finally {
                mebibytesWritten.complete(written);
            }
        });

        FetchResult result = get("/endless");

        assertThat(result.failure()).isEqualTo(FailureKind.TOO_LARGE);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
        // the client hung up soon after 10 MiB instead of reading the rest to reuse the connection
        assertThat(mebibytesWritten.get(5, TimeUnit.SECONDS)).isLessThan(100);
    }

    @Test
    void dripInTheBodyEndsAsTimeoutWithinTheRequestDeadline() throws IOException {
        FetchSettings settings = TestSettings.loopbackAllowed()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500));
        try (DripServer drip = new DripServer("127.0.0.4", DripServer.Where.BODY, Duration.ofMillis(200));
             Fetcher impatient = new Fetcher(settings, HostResolver.system(), clock)) {
            FetchResult result = impatient.fetch(FetchRequest.feed(drip.url("/feed"), null, null)
                    .withSkipRobots());

            assertThat(result.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(result.message()).contains("1500 ms");
            assertThat(result.duration()).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2500));
        }
    }

    @Test
    void dripInTheHeadersEndsAsTimeoutToo() throws IOException {
        FetchSettings settings = TestSettings.loopbackAllowed()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500));
        try (DripServer drip = new DripServer("127.0.0.4", DripServer.Where.HEADERS, Duration.ofMillis(200));
             Fetcher impatient = new Fetcher(settings, HostResolver.system(), clock)) {
            FetchResult result = impatient.fetch(FetchRequest.feed(drip.url("/feed"), null, null)
                    .withSkipRobots());

            assertThat(result.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(result.duration()).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2500));
        }
    }

    @Test
    void silentServerEndsAsReadTimeout() throws IOException {
        FetchSettings settings = TestSettings.loopbackAllowed()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5));
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.4"));
             Fetcher impatient = new Fetcher(settings, HostResolver.system(), clock)) {
            URI url = URI.create("http://127.0.0.4:" + silent.getLocalPort() + "/feed");
            FetchResult result = impatient.fetch(FetchRequest.feed(url, null, null).withSkipRobots());

            assertThat(result.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void statusesMapToTheirKinds() {
        server.text("/missing", 404, "no");
        server.text("/gone", 410, "gone");
        server.text("/teapot", 418, "short and stout");
        server.text("/broken", 500, "oops");
        server.text("/gateway", 502, "oops");

        assertThat(get("/missing").failure()).isEqualTo(FailureKind.HTTP_4XX);
        assertThat(get("/gone").failure()).isEqualTo(FailureKind.GONE);
        assertThat(get("/teapot").failure()).isEqualTo(FailureKind.HTTP_4XX);
        assertThat(get("/broken").failure()).isEqualTo(FailureKind.HTTP_5XX);
        FetchResult gateway = get("/gateway");
        assertThat(gateway.failure()).isEqualTo(FailureKind.HTTP_5XX);
        assertThat(gateway.status()).isEqualTo(502);
        assertThat(gateway.message()).isEqualTo("HTTP 502");
        assertThat(gateway.retryAt()).isNull();
        assertThat(gateway.body()).isNull();
    }

    @Test
    void tooManyRequestsWithSecondsPausesTheWholeHost() {
        server.text("/a", 429, "slow down", "Retry-After", "120");
        server.text("/b", 200, FEED);

        FetchResult limited = get("/a");
        FetchResult sameHost = get("/b");

        assertThat(limited.failure()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAt()).isEqualTo(clock.instant().plusSeconds(120));
        assertThat(sameHost.failure()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(sameHost.retryAt()).isEqualTo(limited.retryAt());
        assertThat(sameHost.status()).isZero();
        assertThat(server.count("/b")).isZero();
        assertThat(fetcher.hostPausedUntil("127.0.0.2")).contains(limited.retryAt());

        clock.advance(Duration.ofSeconds(121));
        assertThat(get("/b").ok()).isTrue();
        assertThat(server.count("/b")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithAnHttpDateOrNothingUsesThatOrTheDefault() throws IOException {
        server.text("/dated", 429, "slow down", "Retry-After", "Tue, 01 Jan 2030 00:30:00 GMT");
        try (RecordingServer other = RecordingServer.start("127.0.0.3")) {
            other.text("/plain", 429, "slow down");

            FetchResult dated = get("/dated");
            FetchResult plain = fetcher.fetch(FetchRequest.feed(other.url("/plain"), null, null));

            assertThat(dated.retryAt()).isEqualTo(Instant.parse("2030-01-01T00:30:00Z"));
            assertThat(plain.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        }
    }

    @Test
    void serviceUnavailablePausesOnlyThatUrl() {
        server.text("/busy", 503, "later", "Retry-After", "60");
        server.text("/calm", 200, FEED);

        FetchResult busy = get("/busy");
        FetchResult again = get("/busy");
        FetchResult calm = get("/calm");

        assertThat(busy.failure()).isEqualTo(FailureKind.HTTP_5XX);
        assertThat(busy.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(again.failure()).isEqualTo(FailureKind.HTTP_5XX);
        assertThat(again.retryAt()).isEqualTo(busy.retryAt());
        assertThat(server.count("/busy")).isEqualTo(1);
        assertThat(calm.ok()).isTrue();
        assertThat(fetcher.urlPausedUntil(server.url("/busy"))).contains(busy.retryAt());
        assertThat(fetcher.hostPausedUntil("127.0.0.2")).isEmpty();

        clock.advance(Duration.ofSeconds(60));
        get("/busy");
        assertThat(server.count("/busy")).isEqualTo(2);
    }

    @Test
    void refusedConnectionIsConnect() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.5"))) {
            port = closed.getLocalPort();
        }
        FetchResult result = fetcher.fetch(FetchRequest.feed(URI.create("http://127.0.0.5:" + port + "/"), null,
                null));

        assertThat(result.failure()).isEqualTo(FailureKind.CONNECT);
    }

    @Test
    void unknownHostIsDns() {
        HostResolver nothing = host -> {
            throw new UnknownHostException(host);
        };
        try (Fetcher lost = new Fetcher(TestSettings.loopbackAllowed(), nothing, clock)) {
            FetchResult result = lost.fetch(FetchRequest.feed(URI.create("http://nowhere.test/feed"), null, null));

            assertThat(result.failure()).isEqualTo(FailureKind.DNS);
            assertThat(result.message()).contains("nowhere.test");
        }
    }

    @Test
    void httpsToAServerThatDoesNotSpeakTlsIsTls() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.6"))) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket socket = plain.accept()) {
                    socket.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[1024]);
                } catch (IOException e) {
                    // the client gave up on the handshake
                }
            });
            answer.setDaemon(true);
            answer.start();
            URI https = URI.create("https://127.0.0.6:" + plain.getLocalPort() + "/feed");

            FetchResult result = fetcher.fetch(FetchRequest.feed(https, null, null).withSkipRobots());

            assertThat(result.failure()).isEqualTo(FailureKind.TLS);
        }
    }

    @Test
    void mappedHostNamesReachTheirLoopbackAddress() throws IOException {
        try (RecordingServer blog = RecordingServer.start("127.0.0.17");
             Fetcher mapped = new Fetcher(TestSettings.loopbackAllowed(), HostResolver.withOverrides(
                     Map.of("blog17.test", List.of(InetAddress.getByName("127.0.0.17"))), HostResolver.system()),
                     clock)) {
            blog.text("/feed", 200, FEED);

            FetchResult result = mapped.fetch(FetchRequest.feed(
                    URI.create("http://BLOG17.test:" + blog.port() + "/feed"), null, null));

            assertThat(result.ok()).isTrue();
            assertThat(blog.requests("/feed").get(0).header("Host")).isEqualTo("BLOG17.test:" + blog.port());
        }
    }

    @Test
    void internationalisedHostIsSentAsPunycode() throws IOException {
        try (Fetcher mapped = new Fetcher(TestSettings.loopbackAllowed(), HostResolver.withOverrides(
                Map.of("xn--bcher-kva.test", List.of(InetAddress.getByName("127.0.0.2"))), HostResolver.system()),
                clock)) {
            server.text("/feed", 200, FEED);

            FetchResult result = mapped.fetch(FetchRequest.feed(
                    URI.create("http://bücher.test:" + server.port() + "/feed"), null, null));

            assertThat(result.ok()).isTrue();
            assertThat(result.finalUrl().getHost()).isEqualTo("xn--bcher-kva.test");
            assertThat(server.requests("/feed").get(0).header("Host")).isEqualTo("xn--bcher-kva.test:" + server.port());
        }
    }

    @Test
    void schemesOtherThanHttpAndUserinfoAreRefusedUnsent() {
        FetchResult ftp = fetcher.fetch(FetchRequest.feed(URI.create("ftp://127.0.0.2/feed"), null, null));
        FetchResult file = fetcher.fetch(FetchRequest.feed(URI.create("file:///etc/passwd"), null, null));
        FetchResult userinfo = fetcher.fetch(FetchRequest.feed(
                URI.create("http://user:secret@127.0.0.2:" + server.port() + "/feed"), null, null));

        assertThat(ftp.failure()).isEqualTo(FailureKind.INVALID_URL);
        assertThat(file.failure()).isEqualTo(FailureKind.INVALID_URL);
        assertThat(userinfo.failure()).isEqualTo(FailureKind.INVALID_URL);
        assertThat(userinfo.message()).doesNotContain("secret");
        assertThat(server.requests()).isEmpty();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FetcherHttpTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
