package org.officialblogs.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be read and written now, for /health and start-up: a read, a one-row write (so a
 * read-only file, a held lock or a full disk shows), the free space on its disk, and the faults requests met lately
 * (a full disk can still take a one-row write while larger ones fail). Checked at most every few seconds.
 */
public final class DatabaseHealth {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    /** Less free space than this on the database's disk counts as full. */
    static final long FULL_BELOW_BYTES = 1024 * 1024;
    /** A fault a request met keeps /health degraded this long. */
    static final long FAULT_MEMORY_NANOS = 120L * 1_000_000_000L;
    private static final long CACHE_NANOS = 2L * 1_000_000_000L;
    private static final int PROBE_BUSY_MS = 1000;

    /** The answer: whether a read works, and what is wrong (empty when nothing is). */
    public record Status(boolean readable, Optional<String> problem) {
        public boolean ok() {
            return readable && problem.isEmpty();
        }
    }

    private final Jdbi jdbi;
    private final String file;
    private final int busyTimeoutMs;
    private volatile DatabaseFault lastFault;
    private volatile long lastFaultAt;
    private volatile Status cached;
    private volatile long cachedAt;

    private final Dialect dialect;

    DatabaseHealth(Jdbi jdbi, String file, int busyTimeoutMs, Dialect dialect) {
        this.dialect = dialect;
        this.jdbi = jdbi;
        this.file = file;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    /** Remembers a fault a request met, for /health. */
    public void record(DatabaseFault fault) {
        lastFault = fault;
        lastFaultAt = System.nanoTime();
        cached = null;
    }

    /** The database's state now (or of the last check, when it was a moment ago). */
    public Status check() {
        Status c = cached;
        if (c != null && System.nanoTime() - cachedAt < CACHE_NANOS) return c;
        Status fresh = probe();
        cached = fresh;
        cachedAt = System.nanoTime();
        return fresh;
    }

    private Status probe() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            return new Status(false, Optional.of(DatabaseFault.of(e, file).map(DatabaseFault::line)
                    .orElse("The database does not answer: " + e.getMessage())));
        }
        Optional<DatabaseFault> write = writeProblem();
        if (write.isPresent()) return new Status(true, Optional.of(write.get().line()));
        Optional<String> space = spaceProblem();
        if (space.isPresent()) return new Status(true, space);
        DatabaseFault recent = lastFault;
        if (recent != null && System.nanoTime() - lastFaultAt < FAULT_MEMORY_NANOS) {
            return new Status(true, Optional.of("A request failed lately: " + recent.line()));
        }
        return new Status(true, Optional.empty());
    }

    /** A one-row write, waiting at most a second for the lock; the fault when it fails. */
    public Optional<DatabaseFault> writeProblem() {
        try {
            jdbi.useHandle(h -> {
                h.execute(dialect == Dialect.SQLITE ? "PRAGMA busy_timeout = " + PROBE_BUSY_MS : "SET lock_timeout = " + PROBE_BUSY_MS);
                try {
                    h.useTransaction(tx -> tx.execute("""
                            INSERT INTO health_probe (id, checked_at) VALUES (1, ?)
                            ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at""", System.currentTimeMillis()));
                } finally {
                    h.execute(dialect == Dialect.SQLITE ? "PRAGMA busy_timeout = " + busyTimeoutMs : "SET lock_timeout = " + busyTimeoutMs);
                }
            });
            return Optional.empty();
        } catch (RuntimeException e) {
            Optional<DatabaseFault> fault = DatabaseFault.of(e, file);
            if (fault.isEmpty()) log.warn("database write check failed file={} error={}", file, e.toString());
            return fault.or(() -> Optional.of(new DatabaseFault(DatabaseFault.Kind.IO, file, String.valueOf(e.getMessage()))));
        }
    }

    /** A disk with (almost) no space left, said as a full disk. */
    public Optional<String> spaceProblem() {
        if (file == null) return Optional.empty();
        Path dir = Path.of(file).toAbsolutePath().getParent();
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < FULL_BELOW_BYTES) {
                return Optional.of(new DatabaseFault(DatabaseFault.Kind.FULL, file, free / 1024 + " KiB free on "
                        + Files.getFileStore(dir).name()).line());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no answer from the file system is not a fault of the database
        }
        return Optional.empty();
    }
}
