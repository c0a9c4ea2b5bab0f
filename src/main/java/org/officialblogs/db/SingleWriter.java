package org.officialblogs.db;

import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's one writer. SQLite lets one transaction write at a time; without this, every thread with
 * something to write took a pooled connection and waited inside {@code BEGIN IMMEDIATE} for the write lock, so a
 * busy crawl emptied the pool and pages waited for a connection. Writers queue here instead, in arrival order and
 * holding no connection, and readers (WAL) always find one. Reentrant: a write made inside another on the same
 * thread joins its transaction.
 */
public final class SingleWriter {

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock(true);

    public SingleWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs the callback in one write transaction, after the writes queued before it. */
    public <T, X extends Exception> T inTransaction(HandleCallback<T, X> callback) throws X {
        lock.lock();
        try {
            return jdbi.inTransaction(callback);
        } finally {
            lock.unlock();
        }
    }

    /** Runs the callback in one write transaction, after the writes queued before it. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> callback) throws X {
        lock.lock();
        try {
            jdbi.useTransaction(callback);
        } finally {
            lock.unlock();
        }
    }
}
