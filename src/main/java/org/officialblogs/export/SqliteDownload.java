package org.officialblogs.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite copy offered on /data, made once per snapshot day and kept as a file in the data directory
 * ({@code downloads/officialblogs-public-<day>.sqlite}), so a download only reads a file. A copy older than the
 * day's snapshot is still served while the new one is built, one build at a time, never on a request's thread; the
 * export command's copy is installed as the day's copy too.
 */
public final class SqliteDownload implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteDownload.class);
    private static final Pattern NAME = Pattern.compile("officialblogs-public-(\\d{4}-\\d{2}-\\d{2})\\.sqlite");

    /** A copy ready to serve: its file, the snapshot day it holds, its size. */
    public record Ready(Path file, LocalDate day, long bytes) {}

    private final SqliteSnapshot snapshot;
    private final Path dir;
    private final Supplier<LocalDate> snapshotDay;
    private final AtomicBoolean building = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sqlite-download");
        t.setDaemon(true);
        return t;
    });

    public SqliteDownload(SqliteSnapshot snapshot, Path dir, Supplier<LocalDate> snapshotDay) {
        this.snapshot = snapshot;
        this.dir = dir;
        this.snapshotDay = snapshotDay;
    }

    /** The newest copy there is; when it is missing or older than the snapshot day, a build starts in the background. */
    public Optional<Ready> current() {
        Optional<Ready> newest = newest();
        if (newest.isEmpty() || newest.get().day().isBefore(snapshotDay.get())) buildInBackground();
        return newest;
    }

    /** True while a copy is being built. */
    public boolean building() {
        return building.get();
    }

    /** Starts building the day's copy unless one is being built; returns at once. */
    public void buildInBackground() {
        if (!building.compareAndSet(false, true)) return;
        try {
            builder.execute(() -> {
                try {
                    build();
                } catch (IOException | RuntimeException e) {
                    log.warn("sqlite download not built dir={} error={}", dir, e.getMessage());
                } finally {
                    building.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            building.set(false); // closing
        }
    }

    /** Builds the copy of the current snapshot day now, unless it exists, and returns it. */
    public synchronized Ready build() throws IOException {
        LocalDate day = snapshotDay.get();
        Optional<Ready> newest = newest();
        if (newest.isPresent() && !newest.get().day().isBefore(day)) return newest.get();
        Files.createDirectories(dir);
        Path part = dir.resolve(fileName(day) + ".part");
        Files.deleteIfExists(part);
        long started = System.nanoTime();
        try {
            snapshot.write(part);
            return place(part, day, started);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Makes a copy written elsewhere (by the export command) the download of the current snapshot day. */
    public synchronized Ready install(Path copy) throws IOException {
        LocalDate day = snapshotDay.get();
        Files.createDirectories(dir);
        Path part = dir.resolve(fileName(day) + ".part");
        long started = System.nanoTime();
        try {
            Files.copy(copy, part, StandardCopyOption.REPLACE_EXISTING);
            return place(part, day, started);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private Ready place(Path part, LocalDate day, long started) throws IOException {
        Path target = dir.resolve(fileName(day));
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long bytes = Files.size(target);
        // older copies go; a download still reading one keeps its open file until it is done
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "officialblogs-public-*.sqlite")) {
            for (Path p : all) if (!p.equals(target)) Files.deleteIfExists(p);
        }
        log.info("sqlite download ready day={} file={} bytes={} ms={}", day, target, bytes, (System.nanoTime() - started) / 1_000_000);
        return new Ready(target, day, bytes);
    }

    private Optional<Ready> newest() {
        if (!Files.isDirectory(dir)) return Optional.empty();
        Ready best = null;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "officialblogs-public-*.sqlite")) {
            for (Path p : all) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                LocalDate day;
                try {
                    day = LocalDate.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (best == null || day.isAfter(best.day())) best = new Ready(p, day, Files.size(p));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // replaced while listed: the next request sees the new one
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(best);
    }

    static String fileName(LocalDate day) {
        return "officialblogs-public-" + day + ".sqlite";
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
