package org.officialblogs.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.officialblogs.db.Database;

/**
 * A real PostgreSQL server for tests: the one named by {@code -Dtest.pg.url} (or OFFICIALBLOGS_TEST_PG_URL, a
 * jdbc:postgresql URL of a superuser's database), else a throwaway cluster started once per test JVM from the
 * Debian package's binaries (initdb and pg_ctl under /usr/lib/postgresql/N/bin) in a temporary directory, on a
 * free loopback port, with fsync off, and stopped when the JVM ends. As root the cluster runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root. Each {@link #freshDatabase()} is a new empty
 * database, so tests never see each other's rows.
 */
public final class PostgresCluster {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;
    private static String unavailable;
    /** The database migrated once that the others are copied from; null until the first is asked for. */
    private static String template;

    private PostgresCluster() {}

    /** Why PostgreSQL tests cannot run here, or null when they can (starts the cluster on first call). */
    public static synchronized String unavailableReason() {
        if (adminUrl == null && unavailable == null) start();
        return unavailable;
    }

    /** A jdbc:postgresql URL (user and password in it) of a new, empty database. */
    public static String freshDatabase() {
        String name = createDatabase(null); // starts the cluster first, which gives adminUrl
        return withDatabase(adminUrl, name);
    }

    /**
     * A jdbc:postgresql URL of a new database with this app's schema in place: a copy (CREATE DATABASE ... TEMPLATE)
     * of one database migrated once per test JVM, which nothing stays connected to.
     */
    public static String freshMigratedDatabase() {
        String name = createDatabase(migratedTemplate());
        return withDatabase(adminUrl, name);
    }

    private static synchronized String migratedTemplate() {
        if (template == null) {
            String name = createDatabase(null);
            Database.open(withDatabase(adminUrl, name)).close();
            template = name;
        }
        return template;
    }

    /** Creates a database, empty or a copy of {@code from}, and returns its name. */
    private static String createDatabase(String from) {
        String reason = unavailableReason();
        if (reason != null) throw new IllegalStateException(reason);
        String name = "ob_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            // PostgreSQL waits a few seconds for a template's last session, closed just before, to end
            s.execute("CREATE DATABASE " + name + (from == null ? "" : " TEMPLATE " + from));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return name;
    }

    /** The admin URL with another database name in its path, its query (user, password) kept. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
    }

    private static void start() {
        String given = System.getProperty("test.pg.url", System.getenv("OFFICIALBLOGS_TEST_PG_URL"));
        if (given != null && !given.isBlank()) {
            adminUrl = given.strip();
            return;
        }
        Path bin = binaries();
        if (bin == null) {
            unavailable = "PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql;"
                    + " install Debian's postgresql package (CI does) or give -Dtest.pg.url=jdbc:postgresql://...";
            return;
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("officialblogs-pg");
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            Path data = dir.resolve("data");
            Files.createDirectory(data);
            if (root) run(List.of("chown", "postgres", data.toString(), dir.toString()));
            int port = freePort();
            run(asServerUser(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8", "--locale", "C"));
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            run(asServerUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                    "-l", dir.resolve("log").toString(), "-w", "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(asServerUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("test PostgreSQL cluster not stopped: " + e.getMessage());
                }
            }));
            adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        } catch (IOException | RuntimeException e) {
            unavailable = "PostgreSQL tests skipped: the throwaway cluster did not start: " + e.getMessage();
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> parseVersion(b.getParent().getFileName().toString()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> asServerUser(boolean root, String... command) {
        List<String> c = new ArrayList<>();
        if (root) c.addAll(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(List.of(command));
        return c;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
