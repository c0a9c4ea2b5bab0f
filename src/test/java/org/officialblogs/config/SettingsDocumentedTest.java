package org.officialblogs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.officialblogs.cli.Main;

/** The one list of settings is what the README's configuration table and `--help` show, no more and no less. */
class SettingsDocumentedTest {

    @Test
    void everySettingIsInTheReadmesTableAndTheTableHasNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (Config.Setting s : Config.SETTINGS) {
            // a row may name several settings: `OFFICIALBLOGS_A_MS` / `_B_MS`
            String shortName = s.env().substring("OFFICIALBLOGS".length());
            if (!readme.contains("`" + s.env() + "`") && !readme.contains("`" + shortName + "`")) missing.add(s.env());
        }
        assertThat(missing).as("settings missing from the README's configuration table").isEmpty();

        List<String> unknown = new ArrayList<>();
        Matcher m = Pattern.compile("^\\| `(OFFICIALBLOGS_[A-Z_]+)`", Pattern.MULTILINE).matcher(readme);
        while (m.find()) {
            String name = m.group(1);
            if (Config.SETTINGS.stream().noneMatch(s -> s.env().equals(name))) unknown.add(name);
        }
        assertThat(unknown).as("README rows for settings the application does not read").isEmpty();
    }

    @Test
    void theHelpListsEverySettingWithItsDefault() {
        var cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), null);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("--help")).isZero();
        for (Config.Setting s : Config.SETTINGS) {
            assertThat(out.toString()).contains(s.env());
        }
        assertThat(out.toString()).contains("OFFICIALBLOGS_HOST_DELAY_MS (default 2000)");
    }
}
