package org.officialblogs.bench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportTables;
import org.officialblogs.export.TableFormat;

/**
 * The measured side of {@link ExportBenchmarkTest}, run in its own JVM with a small heap (-Xmx256m): starts the real
 * app over an existing database, downloads /data/posts.csv over loopback while parsing it as it arrives, then writes
 * the same file to disk as the export command does, and prints one RESULT line with the numbers.
 */
public final class ExportBenchmarkChild {

    private ExportBenchmarkChild() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0",
                "OFFICIALBLOGS_DATA_DIR", dataDir.toString(), "OFFICIALBLOGS_SCHEDULER", "false"));
        if (args.length > 1) settings.put("OFFICIALBLOGS_DB_URL", args[1]); // a server database (PostgreSQL)
        Config config = Config.fromValues(settings);
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        try (App app = new App(config)) {
            var web = app.webApp("bench").start();
            try {
                System.gc();
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
                sampler.start();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // the very first request after a JVM start pays for class loading and JIT (Jetty, Javalin, the
                // export code): time it apart, on a small table, so the posts.csv numbers are those of a running app
                long c0 = System.nanoTime();
                HttpResponse<byte[]> small = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/data/blogs.csv")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long coldMs = (System.nanoTime() - c0) / 1_000_000;
                if (small.statusCode() != 200) throw new IllegalStateException("blogs.csv: " + small.statusCode());
                long t0 = System.nanoTime();
                HttpResponse<InputStream> res = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/data/posts.csv")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long rows = 0;
                long ttfb;
                CountingStream body = new CountingStream(res.body());
                try (body) {
                    int first = body.read();
                    ttfb = System.nanoTime() - t0;
                    if (first < 0) throw new IllegalStateException("empty response, status " + res.statusCode());
                    InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(new byte[] {(byte) first}), body);
                    try (CSVParser p = CSVParser.parse(new InputStreamReader(rest, StandardCharsets.UTF_8),
                            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                        for (CSVRecord r : p) {
                            if (r.size() != ExportTables.POSTS.columns().size()) throw new IllegalStateException("bad row " + r);
                            rows++;
                        }
                    }
                }
                long total = System.nanoTime() - t0;
                long poolPeak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) poolPeak += pool.getPeakUsage().getUsed();
                }

                // a second request on the warmed-up app: time to first byte only (the stream is closed after 64 KB)
                long w0 = System.nanoTime();
                HttpResponse<InputStream> warm = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/data/posts.csv")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long warmTtfb;
                try (InputStream in = warm.body()) {
                    if (in.read() < 0) throw new IllegalStateException("empty warm response");
                    warmTtfb = System.nanoTime() - w0;
                    in.readNBytes(64 * 1024);
                }

                Path file = Files.createTempFile(dataDir, "posts", ".csv");
                long f0 = System.nanoTime();
                long fileRows;
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    fileRows = app.exporter.writeTable(ExportTables.POSTS, TableFormat.CSV, ExportFilter.NONE, out);
                }
                long fileTotal = System.nanoTime() - f0;
                long fileBytes = Files.size(file);
                Files.delete(file);
                long[] raw = rawRead(app);
                sampler.interrupt();
                System.out.printf(Locale.ROOT, "RESULT status=%d rows=%d bytes=%d ttfb_ms=%.0f total_ms=%.0f "
                                + "peak_heap_sampled_mb=%.1f peak_heap_pools_mb=%.1f max_heap_mb=%.0f file_rows=%d "
                                + "file_bytes=%d file_ms=%.0f warm_ttfb_ms=%.0f cold_blogs_ms=%d raw_rows=%d "
                                + "raw_first_ms=%.0f raw_ms=%.0f%n",
                        res.statusCode(), rows, body.count, ttfb / 1e6, total / 1e6, peakUsed.get() / 1048576.0,
                        poolPeak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, fileRows, fileBytes,
                        fileTotal / 1e6, warmTtfb / 1e6, coldMs, raw[0], raw[1] / 1e6, raw[2] / 1e6);
            } finally {
                web.stop();
            }
        }
    }

    /**
     * The baseline: the same rows (posts with their comment facts, in id order) read with plain JDBC, every column
     * as text, no CSV and no HTTP. Returns rows, nanoseconds to the first row, nanoseconds in all.
     */
    private static long[] rawRead(App app) {
        return app.database.jdbi().withHandle(h -> {
            long t0 = System.nanoTime();
            long first = -1;
            long rows = 0;
            long chars = 0;
            try (java.sql.Statement st = h.getConnection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("""
                         SELECT p.id, p.blog_id, p.url, p.title, p.published_at, p.updated_at, p.reported_comments,
                             pc.comments_state, pc.seen_count, pc.reader_comments, pc.official_comments,
                             pc.first_reader_comment_at, pc.first_official_reply_at, p.first_seen_at
                         FROM post p LEFT JOIN post_comments pc ON pc.post_id = p.id ORDER BY p.id""")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    if (first < 0) first = System.nanoTime() - t0;
                    for (int c = 1; c <= columns; c++) {
                        String v = rs.getString(c);
                        if (v != null) chars += v.length();
                    }
                    rows++;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("raw read failed: " + e.getMessage(), e);
            }
            if (chars == 0 && rows > 0) throw new IllegalStateException("raw read saw no data");
            return new long[] {rows, first, System.nanoTime() - t0};
        });
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
