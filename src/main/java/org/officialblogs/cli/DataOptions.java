package org.officialblogs.cli;

import java.util.HashMap;
import java.util.Map;
import org.officialblogs.config.Config;
import picocli.CommandLine.Option;

/** Where the data lives: the options every subcommand takes; each flag overrides its environment variable. */
public class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (env OFFICIALBLOGS_DATA_DIR, default ./data)")
    String dataDir;
    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (env OFFICIALBLOGS_DB_URL, default jdbc:sqlite:DATA_DIR/officialblogs.db)")
    String dbUrl;

    Map<String, String> overrides() {
        Map<String, String> m = new HashMap<>();
        if (dataDir != null) m.put("OFFICIALBLOGS_DATA_DIR", dataDir);
        if (dbUrl != null) m.put("OFFICIALBLOGS_DB_URL", dbUrl);
        return m;
    }

    public Config config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith(Config.ENV_PREFIX)) values.put(k, v);
        });
        values.putAll(overrides());
        values.putAll(extra);
        return Config.fromValues(values);
    }
}
