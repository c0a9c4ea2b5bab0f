package org.officialblogs.discover;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands candidates to the checking workers so that no two checks of one host run at once and hosts take turns:
 * the fetcher would make a second check of a busy host wait out the politeness delay anyway, holding a worker
 * idle, while other hosts could be checked. Holds at most {@code capacity} waiting candidates (the producer blocks),
 * so memory stays bounded however many candidates a run has.
 */
final class HostFairQueue {

    /** A candidate handed out; give its host back with {@link #release}. */
    record Item(long id, String host) {}

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Waiting candidates by host, hosts in turn order (a host served goes to the back). */
    private final Map<String, ArrayDeque<Long>> waiting = new LinkedHashMap<>();
    private final Set<String> busy = new HashSet<>();
    private int size;
    private boolean closed;

    HostFairQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a candidate, waiting while the queue is full. */
    void put(long id, String host) throws InterruptedException {
        lock.lock();
        try {
            while (size >= capacity) changed.await();
            waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(id);
            size++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more candidates will come. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next candidate of a host nobody is checking; empty once the queue is closed and drained. */
    Optional<Item> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Iterator<Map.Entry<String, ArrayDeque<Long>>> it = waiting.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, ArrayDeque<Long>> e = it.next();
                    if (busy.contains(e.getKey())) continue;
                    long id = e.getValue().poll();
                    it.remove();
                    if (!e.getValue().isEmpty()) waiting.put(e.getKey(), e.getValue());
                    busy.add(e.getKey());
                    size--;
                    changed.signalAll();
                    return Optional.of(new Item(id, e.getKey()));
                }
                if (closed && size == 0) return Optional.empty();
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    void release(String host) {
        lock.lock();
        try {
            busy.remove(host);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
