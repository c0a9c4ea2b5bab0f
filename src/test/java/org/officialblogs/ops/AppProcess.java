package org.officialblogs.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code org.officialblogs.cli.Main} in a real child JVM (this JVM's class path), with its output in files, for tests
 * that must kill the app for real: {@link #kill()} is SIGKILL, no shutdown hook runs, nothing is flushed. Each
 * wait polls with a deadline, so a test waits for visible progress instead of sleeping a guessed time.
 *
 * <pre>{@code
 * try (AppProcess app = AppProcess.start(dir, Map.of("OFFICIALBLOGS_DATA_DIR", data), "import", csv)) {
 *     app.await("rows committed", Duration.ofSeconds(20), () -> count(db) >= 1000);
 *     app.kill();
 * }
 * }</pre>
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final List<String> command;

    private AppProcess(Process process, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /**
     * Starts {@code java -cp <this class path> org.officialblogs.cli.Main args...} in {@code workDir}; output goes to
     * files there. The child sees only the OFFICIALBLOGS_* settings given in {@code env} (none inherited).
     */
    public static AppProcess start(Path workDir, Map<String, String> env, String... args) {
        return start(workDir, env, List.of(), List.of("-Xmx512m"), args);
    }

    /**
     * As {@link #start(Path, Map, String...)}, with the JVM's heap options ({@code -Xmx256m}) and a command the java
     * command runs under ({@code unshare ... sh -c '... exec "$0" "$@"'}; empty: none).
     */
    public static AppProcess start(Path workDir, Map<String, String> env, List<String> wrapper, List<String> heap,
                                   String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(heap);
        // small and quick to start: the tests share two cores with other work
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "org.officialblogs.cli.Main"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "stdout-", ".txt");
            Path err = Files.createTempFile(workDir, "stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("OFFICIALBLOGS_"));
            builder.environment().putAll(env);
            return new AppProcess(builder.start(), out, err, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /**
     * Waits until {@code condition} holds, polling every few milliseconds. Fails with {@code what}, the child's
     * output and its exit status when the deadline passes or the child exits first (after a last look).
     */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) return;
            if (!process.isAlive()) {
                if (condition.getAsBoolean()) return;
                throw new AssertionError("the child exited (status " + process.exitValue() + ") before: " + what + describe());
            }
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for: " + what + describe());
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    /** Waits until the child's stderr (its log) has a line matching {@code regex}, and returns the first match. */
    public Matcher awaitLog(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Matcher[] found = new Matcher[1];
        await("a log line matching " + regex, timeout, () -> {
            Matcher m = pattern.matcher(stderr());
            if (m.find()) {
                found[0] = m;
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** SIGKILL: the process ends at once, in whatever it was doing. Returns its exit status (137 on Linux). */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM: the app's shutdown hook runs (the server stops, the database closes). Returns the exit status. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(20));
    }

    /** Waits for the child to end by itself and returns its exit status. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child did not exit within " + timeout + describe());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the child to exit");
        }
    }

    /** Kills the child if it still runs (a failed test must not leave a server behind). */
    @Override
    public void close() {
        if (process.isAlive()) kill();
    }

    private String describe() {
        return "\ncommand: " + String.join(" ", command.subList(command.indexOf("org.officialblogs.cli.Main"), command.size()))
                + "\nstdout:\n" + tail(stdout()) + "\nstderr:\n" + tail(stderr());
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
