package org.officialblogs.db;

/** The database cannot be used at all (opening or migrating it failed for a {@link DatabaseFault}); the message is its line. */
public final class DatabaseUnavailableException extends RuntimeException {

    private final transient DatabaseFault fault;

    public DatabaseUnavailableException(DatabaseFault fault, Throwable cause) {
        super(fault.line(), cause);
        this.fault = fault;
    }

    public DatabaseFault fault() {
        return fault;
    }
}
