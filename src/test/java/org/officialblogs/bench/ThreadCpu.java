package org.officialblogs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time this JVM spent from {@link #start()} to {@link #text}, split by who spent it, told apart by thread
 * name: the crawl's workers, the database's one writer, the site's Jetty threads and the thread writing its request
 * log (logback.xml's queue), the synthetic web serving the feeds, and the load generator (its client threads, counted
 * by {@link LoadGenerator} itself since they end before the split is read). The JVM's own garbage collector, VM
 * thread (its safepoint operations; with the serial collector, every collection) and JIT compiler threads are not
 * Java threads: on Linux they are read from {@code /proc/self/task} (elsewhere they fall in the rest). The rest
 * (other logging, threads that ended meanwhile) is the process's CPU time minus the parts.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux's clock ticks per second for {@code /proc} times (USER_HZ, 100 on every common build). */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<Long, Long> before = new HashMap<>();
    private final Map<String, Long> nativeBefore;
    private final long processBefore;
    private final long wallBefore;

    private ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) before.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        nativeBefore = nativeThreadTicks();
        processBefore = processCpuNanos();
        wallBefore = System.nanoTime();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** "process 28.3 s of 29.6 s (2 CPUs x 14.8 s): crawl 7.6 s, ..." since the start. */
    String text(double loadClientThreadsCpuMs) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String p : new String[] {"crawl", "database writer", "site", "request log", "load generator",
                "synthetic web", "garbage collector", "JVM's VM thread", "JIT compiler"}) {
            parts.put(p, 0L);
        }
        parts.merge("load generator", (long) (loadClientThreadsCpuMs * 1e6), Long::sum);
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) continue;
            String part = part(infos[i].getThreadName());
            if (part == null) continue;
            long used = Math.max(0, THREADS.getThreadCpuTime(ids[i])) - before.getOrDefault(ids[i], 0L);
            parts.merge(part, Math.max(0, used), Long::sum);
        }
        nativeThreadTicks().forEach((task, ticks) -> {
            String part = task.substring(task.indexOf(' ') + 1);
            long used = ticks - nativeBefore.getOrDefault(task, 0L);
            parts.merge(part, (long) (Math.max(0, used) / TICKS_PER_SECOND * 1e9), Long::sum);
        });
        long process = processCpuNanos() - processBefore;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        int cpus = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "process %.1f s of %.1f s (%d CPUs x %.1f s):",
                process / 1e9, cpus * wall, cpus, wall));
        long named = 0;
        for (Map.Entry<String, Long> e : parts.entrySet()) {
            out.append(String.format(Locale.ROOT, " %s %.1f s,", e.getKey(), e.getValue() / 1e9));
            named += e.getValue();
        }
        out.append(String.format(Locale.ROOT, " the rest (other logging, ended threads) %.1f s",
                Math.max(0, process - named) / 1e9));
        return out.toString();
    }

    private static String part(String thread) {
        if (thread.startsWith("crawl-")) return "crawl";
        if (thread.equals("db-writer")) return "database writer";
        if (thread.startsWith("JettyServerThreadPool")) return "site";
        if (thread.startsWith("AsyncAppender-Worker")) return "request log";
        if (thread.startsWith("synthetic-web-") || thread.equals("HTTP-Dispatcher")) return "synthetic web";
        return null;
    }

    /**
     * The processor time the JIT compiler's threads have used so far, in ms, as it accrues (a compilation's time
     * counts while it runs, not when it ends); -1 where {@code /proc} cannot be read. A compiler thread the JVM
     * stops takes its time with it, so the figure can fall: compare two with {@code Math.max(0, after - before)}.
     */
    static long compilerCpuMs() {
        Map<String, Long> ticks = nativeThreadTicks();
        if (ticks.isEmpty()) return -1;
        long sum = ticks.entrySet().stream().filter(e -> e.getKey().endsWith(" JIT compiler"))
                .mapToLong(Map.Entry::getValue).sum();
        return (long) (sum / TICKS_PER_SECOND * 1000);
    }

    /**
     * The garbage collector's and the JIT compiler's threads: "tid part" to their user and system ticks so far; empty
     * where {@code /proc} cannot be read.
     */
    private static Map<String, Long> nativeThreadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended while listed
                }
                // "tid (comm) state ...": the name may hold spaces, so fields count from its closing parenthesis
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String part = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "garbage collector"
                        : comm.equals("VM Thread") ? "JVM's VM thread"
                        : comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "JIT compiler" : null;
                if (part == null) continue;
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here
                ticks.put(task.getFileName() + " " + part, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The processor time the whole process has used so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
