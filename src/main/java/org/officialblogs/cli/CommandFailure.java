package org.officialblogs.cli;

import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * A command that cannot go on, with one line that names the cause in words (the port that is taken, the directory
 * that cannot be written); the exception it came from stays attached for {@code --debug}.
 */
public final class CommandFailure extends RuntimeException {

    public CommandFailure(String line, Throwable cause) {
        super(line, cause);
    }

    /** The port a server was to listen on is taken, or the address cannot be listened on. */
    public static CommandFailure cannotListen(String address, int port, Throwable cause) {
        return new CommandFailure("cannot listen on " + address + ":" + port + ": another process is using that port"
                + " (or the address is not this machine's). Stop it, or choose another port with --port or"
                + " OFFICIALBLOGS_PORT.", cause);
    }

    /** True when {@code e} or one of its causes is a failure to bind a listening socket. */
    public static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** One line for any failure: ours as written, file-system faults in words, else the innermost message. */
    public static String line(Throwable e) {
        if (e instanceof CommandFailure) return e.getMessage();
        if (e instanceof FileSystemException f) return fileSystem(f);
        if (ownMessage(e)) return e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommandFailure) return t.getMessage();
            if (t instanceof FileSystemException f) return fileSystem(f);
            if (t.getCause() == t) break;
        }
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) innermost = innermost.getCause();
        return ownMessage(innermost) ? innermost.getMessage() : "an unexpected error stopped the command";
    }

    /** A message written for this failure, not the name of a wrapped exception (Java's default for wrappers). */
    private static boolean ownMessage(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) return false;
        return t.getCause() == null || !m.startsWith(t.getCause().getClass().getName());
    }

    private static String fileSystem(FileSystemException f) {
        String file = f.getFile();
        if (f instanceof AccessDeniedException) return "no permission to write " + file + "; choose a directory this user can write with --data-dir or OFFICIALBLOGS_DATA_DIR";
        if (f instanceof NotDirectoryException || "Not a directory".equals(f.getReason())) {
            return file + " cannot be used as a directory: a file of that name is in the way";
        }
        if (f instanceof NoSuchFileException) return "no such file or directory: " + file;
        if ("Read-only file system".equals(f.getReason())) return file + " is on a read-only file system; choose another data directory";
        return file + ": " + (f.getReason() == null ? "cannot be used" : f.getReason());
    }

    /** Whether {@code --debug} was given on any level of the command line. */
    public static boolean debugAsked(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
