package org.officialblogs.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ExportBenchmarkChild} over an existing data directory in a child JVM with the given heap, and returns
 * the numbers of its RESULT line (keys as the child prints them), or the child's whole output as the failure.
 */
final class ExportRun {

    /** The child's numbers, or why there are none. */
    record Outcome(Map<String, String> values, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0 && values != null;
        }

        double number(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    private ExportRun() {}

    static Outcome run(Path dataDir, String heap) throws IOException, InterruptedException {
        return run(dataDir, heap, null);
    }

    /** As {@link #run(Path, String)} over the database at {@code dbUrl} (null: the data directory's SQLite file). */
    static Outcome run(Path dataDir, String heap, String dbUrl) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                ExportBenchmarkChild.class.getName(), dataDir.toString()));
        if (dbUrl != null) command.add(dbUrl);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) output.add(line);
        }
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return new Outcome(null, -1, "the export child did not finish in 10 minutes\n" + String.join("\n", output));
        }
        String result = output.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        Map<String, String> v = null;
        if (result != null) {
            v = new HashMap<>();
            for (String kv : result.substring("RESULT ".length()).split(" ")) {
                v.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return new Outcome(v, child.exitValue(), String.join("\n", output));
    }
}
