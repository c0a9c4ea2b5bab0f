package org.officialblogs.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's one writer, with group commit. SQLite lets one transaction write at a time; without this, every
 * thread with something to write took a pooled connection and waited inside {@code BEGIN IMMEDIATE}, so a busy
 * crawl emptied the pool that pages read through, and each small write paid a commit of its own. Here the writes
 * queue (holding no connection) for one writer thread, which runs all those waiting in one transaction, each in a
 * savepoint of its own: a write that fails is undone alone and its caller gets the error, the others commit.
 * Readers (WAL) never wait for it. A write made inside another runs at once in the same transaction.
 */
public final class SingleWriter implements AutoCloseable {

    /** Most writes committed together. */
    static final int MAX_GROUP = 256;

    private record Write(HandleCallback<?, ?> callback, CompletableFuture<Object> done) {}

    private final Jdbi jdbi;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    public SingleWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::loop, "db-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the callback in a write transaction, committed with the writes queued beside it; waits for the commit. */
    @SuppressWarnings("unchecked")
    public <T, X extends Exception> T inTransaction(HandleCallback<T, X> callback) throws X {
        if (Thread.currentThread() == thread) {
            return jdbi.withHandle(callback); // nested: the open transaction's handle
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        queue.add(new Write(callback, done));
        try {
            return (T) done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw (X) cause;
        }
    }

    /** Runs the callback in a write transaction, committed with the writes queued beside it; waits for the commit. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> callback) throws X {
        inTransaction(h -> {
            callback.useHandle(h);
            return null;
        });
    }

    private void loop() {
        List<Write> group = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            List<Object> results = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            try {
                jdbi.useTransaction(h -> {
                    for (int i = 0; i < group.size(); i++) {
                        String savepoint = "write" + i;
                        h.savepoint(savepoint);
                        try {
                            results.add(run(group.get(i), h));
                            failures.add(null);
                            h.releaseSavepoint(savepoint);
                        } catch (Exception | Error e) {
                            h.rollbackToSavepoint(savepoint); // also forgets it
                            results.add(null);
                            failures.add(e);
                        }
                    }
                });
                for (int i = 0; i < group.size(); i++) {
                    if (failures.get(i) != null) group.get(i).done().completeExceptionally(failures.get(i));
                    else group.get(i).done().complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                // the commit itself failed: nothing of the group was saved
                group.forEach(w -> w.done().completeExceptionally(e));
            }
            group.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object run(Write w, Handle h) throws Exception {
        return ((HandleCallback<Object, Exception>) w.callback()).withHandle(h);
    }

    /** Stops the writer thread once the writes already queued are done. */
    @Override
    public void close() {
        thread.interrupt();
    }
}
