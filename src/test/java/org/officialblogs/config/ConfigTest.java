package org.officialblogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults() {
        Config c = Config.fromValues(Map.of());
        assertThat(c.serve().port()).isEqualTo(7070);
        assertThat(c.storage().dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.storage().dbUrl()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("officialblogs.db"));
        assertThat(c.serve().baseUrl().toString()).isEqualTo("http://localhost:7070");
        assertThat(c.http().allowPrivateNetwork()).isFalse();
        assertThat(c.politeness().hostDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.politeness().maxConcurrentFetches()).isEqualTo(16);
        assertThat(c.http().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.serve().crawlShareWhileServing()).isEqualTo(10);
    }

    @Test
    void valuesFromTheEnvironmentMap() {
        Config c = Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "8080", "OFFICIALBLOGS_DATA_DIR", "/srv/ob",
                "OFFICIALBLOGS_BASE_URL", "https://blogs.example.org/", "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true"));
        assertThat(c.serve().port()).isEqualTo(8080);
        assertThat(c.storage().dbUrl()).isEqualTo("jdbc:sqlite:/srv/ob/officialblogs.db");
        assertThat(c.serve().baseUrl().toString()).isEqualTo("https://blogs.example.org");
        assertThat(c.http().allowPrivateNetwork()).isTrue();
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "seventy")))
                .isInstanceOf(Config.InvalidConfigException.class).hasMessageContaining("OFFICIALBLOGS_PORT").hasMessageContaining("seventy");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "70000")))
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_DB_URL", "jdbc:mysql://x/y")))
                .hasMessageContaining("OFFICIALBLOGS_DB_URL").hasMessageContaining("jdbc:postgresql://");
        assertThat(Config.fromValues(Map.of("OFFICIALBLOGS_DB_URL", "jdbc:postgresql://db.internal/blogs",
                "OFFICIALBLOGS_DB_USER", "blogs")).storage().dialect()).isEqualTo(org.officialblogs.db.Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_DB_PASSWORD", "a",
                "OFFICIALBLOGS_DB_PASSWORD_FILE", "/run/secrets/db"))).hasMessageContaining("not both");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_DB_PASSWORD_FILE", "/nonexistent/db-password")))
                .hasMessageContaining("OFFICIALBLOGS_DB_PASSWORD_FILE cannot be read");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_BASE_URL", "ftp://example.org")))
                .hasMessageContaining("OFFICIALBLOGS_BASE_URL");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "maybe")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING", "0")))
                .hasMessageContaining("OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING must be between 1 and 100, got 0");
    }
}
