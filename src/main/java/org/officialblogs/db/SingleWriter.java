package org.officialblogs.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.priority.Urgency;
import org.officialblogs.priority.VisitorsFirst;

/**
 * The database's one writer, with group commit. SQLite lets one transaction write at a time; without this, every
 * thread with something to write took a pooled connection and waited inside {@code BEGIN IMMEDIATE}, so a busy
 * crawl emptied the pool that pages read through, and each small write paid a commit of its own. Here the writes
 * queue (holding no connection) for one writer thread, which runs all those waiting in one transaction, each in a
 * savepoint of its own: a write that fails is undone alone and its caller gets the error, the others commit.
 * Readers (WAL) never wait for it. A write made inside another runs at once in the same transaction. Waiting
 * writes go in order of their thread's {@link Urgency} when queued (a crawl with the most requests left first),
 * then of arrival.
 */
public final class SingleWriter implements AutoCloseable {

    /** Most writes committed together. */
    static final int MAX_GROUP = 256;

    /**
     * A group takes no further write once its transaction has run this long: the writes still waiting go in the
     * next one, so one group never holds SQLite's lock for seconds (other processes, and writers outside this one,
     * get it between groups within their busy timeout) and a large write does not make the small ones behind it
     * wait for a huge commit.
     */
    static final long MAX_GROUP_NANOS = 200_000_000L;

    /** A queued write; {@code account}: the one its thread does background work for, charged with its time, or null. */
    private record Write(HandleCallback<?, ?> callback, CompletableFuture<Object> done, int urgency, long seq,
                         VisitorsFirst account) {}

    private static final Comparator<Write> MOST_URGENT_FIRST = Urgency.mostUrgentFirst(Write::urgency, Write::seq);

    private final Jdbi jdbi;
    private final long maxGroupNanos;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong arrivals = new AtomicLong();

    public SingleWriter(Jdbi jdbi) {
        this(jdbi, MAX_GROUP_NANOS);
    }

    SingleWriter(Jdbi jdbi, long maxGroupNanos) {
        this.jdbi = jdbi;
        this.maxGroupNanos = maxGroupNanos;
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
        queue.add(new Write(callback, done, Urgency.current(), arrivals.getAndIncrement(),
                VisitorsFirst.boundToCurrentThread()));
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
        PriorityQueue<Write> waiting = new PriorityQueue<>(MOST_URGENT_FIRST);
        List<Write> group = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            if (waiting.isEmpty()) {
                try {
                    waiting.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
            }
            queue.drainTo(waiting);
            List<Object> results = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            try {
                jdbi.useTransaction(h -> {
                    long start = System.nanoTime();
                    while (!waiting.isEmpty() && group.size() < MAX_GROUP
                            && (group.isEmpty() || System.nanoTime() - start < maxGroupNanos)) {
                        Write w = waiting.poll();
                        group.add(w);
                        String savepoint = "write" + group.size();
                        h.savepoint(savepoint);
                        long cpuBefore = w.account() == null ? -1 : VisitorsFirst.currentThreadCpu();
                        try {
                            results.add(run(w, h));
                            failures.add(null);
                            h.releaseSavepoint(savepoint);
                        } catch (Exception | Error e) {
                            h.rollbackToSavepoint(savepoint); // also forgets it
                            results.add(null);
                            failures.add(e);
                        } finally {
                            // a crawl's write is the crawl's processor time, paid by its worker at its next request
                            if (cpuBefore >= 0) w.account().charge(VisitorsFirst.currentThreadCpu() - cpuBefore);
                        }
                    }
                });
                transactions.incrementAndGet();
                for (int i = 0; i < group.size(); i++) {
                    if (failures.get(i) != null) group.get(i).done().completeExceptionally(failures.get(i));
                    else group.get(i).done().complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                // the commit itself failed: nothing of the group was saved; when the transaction could not even
                // begin (another process held the database past the busy timeout), the waiting writes fail with it
                if (group.isEmpty()) {
                    group.addAll(waiting);
                    waiting.clear();
                }
                group.forEach(w -> w.done().completeExceptionally(e));
            }
            group.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object run(Write w, Handle h) throws Exception {
        return ((HandleCallback<Object, Exception>) w.callback()).withHandle(h);
    }

    /** Writes handed in and not yet taken up by the writer thread. */
    int queued() {
        return queue.size();
    }

    /** Write transactions committed so far. */
    long transactions() {
        return transactions.get();
    }

    /** Stops the writer thread once the writes already queued are done. */
    @Override
    public void close() {
        thread.interrupt();
    }
}
