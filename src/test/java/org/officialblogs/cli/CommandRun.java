package org.officialblogs.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of the command line in this JVM as {@code java -jar} runs it: no terminal, the given standard input. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String stdin, String... args) {
        CommandLine cl = Main.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CommandRun(cl.execute(args), out.toString(), err.toString());
    }
}
