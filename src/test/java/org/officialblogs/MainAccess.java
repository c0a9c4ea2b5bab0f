package org.officialblogs;

import java.io.ByteArrayInputStream;
import picocli.CommandLine;

/** The command line as `java -jar` runs it, for tests in other packages (no terminal, empty standard input). */
public final class MainAccess {

    private MainAccess() {
    }

    public static CommandLine commandLine() {
        return Main.commandLine(new ByteArrayInputStream(new byte[0]), null);
    }
}
