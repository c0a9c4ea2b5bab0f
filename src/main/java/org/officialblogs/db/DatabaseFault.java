package org.officialblogs.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A fault of the database itself rather than of a request: the file is damaged, read-only, locked by another
 * process, or its disk is full. Said in one line that names the file and what to do, for the log and for start-up,
 * and in plainer words for a page.
 */
public record DatabaseFault(Kind kind, String file, String detail) {

    /** What went wrong, from SQLite's result code. */
    public enum Kind {
        /** SQLITE_CORRUPT, SQLITE_NOTADB: damaged, or not a SQLite file at all. */
        CORRUPT,
        /** SQLITE_READONLY, SQLITE_PERM: the file or its directory cannot be written. */
        READ_ONLY,
        /** SQLITE_BUSY, SQLITE_LOCKED: another connection or process holds the write lock past the busy timeout. */
        LOCKED,
        /** SQLITE_FULL: no space left on the disk (or the file hit its size limit). */
        FULL,
        /** SQLITE_CANTOPEN: the file or its directory cannot be opened. */
        CANNOT_OPEN,
        /** SQLITE_IOERR: the operating system refused a read or write. */
        IO
    }

    /** The fault behind an exception, looking through its causes for SQLite's code; empty for any other failure. */
    public static Optional<DatabaseFault> of(Throwable e, String file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Kind kind = kindOf(sql.getErrorCode() & 0xFF);
                if (kind != null) return Optional.of(new DatabaseFault(kind, file, firstLine(sql.getMessage())));
            }
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    private static Kind kindOf(int primaryCode) {
        return switch (primaryCode) {
            case 11, 26 -> Kind.CORRUPT;      // SQLITE_CORRUPT, SQLITE_NOTADB
            case 8, 3, 23 -> Kind.READ_ONLY;  // SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH
            case 5, 6 -> Kind.LOCKED;         // SQLITE_BUSY, SQLITE_LOCKED
            case 13 -> Kind.FULL;             // SQLITE_FULL
            case 14 -> Kind.CANNOT_OPEN;      // SQLITE_CANTOPEN
            case 10 -> Kind.IO;               // SQLITE_IOERR
            default -> null;
        };
    }

    /** One line for the log and the console: what happened, which file, what to do. */
    public String line() {
        String file = this.file == null ? "(unknown file)" : this.file;
        return switch (kind) {
            case CORRUPT -> "The database file " + file + " is damaged or is not a SQLite database (" + detail
                    + "). Stop the app and restore the latest backup with `restore FILE`, or move the file away to "
                    + "start again from the seed.";
            case READ_ONLY -> "The database file " + file + " cannot be written (" + detail + "): give the user running "
                    + "the app write permission to the file and its directory (and check the disk is not mounted "
                    + "read-only), then restart.";
            case LOCKED -> "The database file " + file + " is locked by another connection or process (" + detail
                    + "): wait for it to finish, or stop the other program using the file (a second `serve`, a "
                    + "long `backup`, a sqlite3 shell).";
            case FULL -> "The disk holding the database file " + file + " is full (" + detail + "): free space on "
                    + "that disk; nothing is lost, writes resume once there is room.";
            case CANNOT_OPEN -> "The database file " + file + " cannot be opened (" + detail + "): check that the "
                    + "directory exists and the user running the app may read and write it.";
            case IO -> "The operating system refused to read or write the database file " + file + " (" + detail
                    + "): check the disk and the system log.";
        };
    }

    /** For a page: what happened and what a visitor can do, without the server's paths. */
    public String visitorText() {
        String name = file == null ? "database" : Path.of(file).getFileName().toString();
        return switch (kind) {
            case LOCKED -> "The database (" + name + ") is busy with other work, so nothing was saved. Please try "
                    + "again in a few seconds; what you sent can be sent again as it is.";
            case FULL -> "The server's disk is full, so nothing could be saved to the database (" + name + "). The site's "
                    + "operator has been told; please try again later.";
            case READ_ONLY -> "The database (" + name + ") cannot be written at the moment, so nothing was saved. The "
                    + "site's operator has been told; please try again later.";
            case CORRUPT -> "The database (" + name + ") is damaged, so this page cannot be shown. The site's operator has "
                    + "been told; please try again later.";
            case CANNOT_OPEN, IO -> "The database (" + name + ") cannot be read or written at the moment. The site's "
                    + "operator has been told; please try again later.";
        };
    }

    /** How long a client should wait before trying again. */
    public int retryAfterSeconds() {
        return kind == Kind.LOCKED ? 5 : 60;
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
