package org.officialblogs.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body must arrive at a least rate and within a deadline. A client that sends a body a byte at a time
 * would otherwise hold a server thread for as long as it likes (the connection's idle timeout restarts with every
 * byte). From the first read of a body, the bytes received must keep up with {@code minRate} bytes a second (after a
 * first second of grace) and the whole body must be in within {@code timeout}; if not, the read fails, the request
 * answers 408 and the connection is closed. Logged once at INFO: a slow client is not a server error.
 */
final class RequestBodyDeadline extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyDeadline.class);
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long timeoutNanos;
    private final long minRate;

    /** @param minRate bytes a second; 0 for no minimum (the timeout still holds) */
    RequestBodyDeadline(java.time.Duration timeout, long minRate) {
        this.timeoutNanos = timeout.toNanos();
        this.minRate = minRate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) return false;
        boolean body = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!body) return next.handle(request, response, callback);
        Watched watched = new Watched(request);
        return next.handle(watched, response, Callback.from(callback, watched::done));
    }

    /** The request with its body reads timed. */
    private final class Watched extends Request.Wrapper {
        private final AtomicReference<Runnable> waiting = new AtomicReference<>();
        private final AtomicLong bytes = new AtomicLong();
        private volatile long started;
        private volatile boolean finished;
        private volatile Content.Chunk failure;
        private volatile Scheduler.Task timer;

        Watched(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk failed = failure;
            if (failed != null) return failed;
            begin();
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes.addAndGet(chunk.remaining());
                if (chunk.isLast()) finished = true;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demand) {
            if (failure != null) {
                demand.run();
                return;
            }
            begin();
            waiting.set(demand);
            super.demand(() -> {
                Runnable r = waiting.getAndSet(null);
                if (r != null) r.run();
            });
        }

        private void begin() {
            if (started != 0) return;
            synchronized (this) {
                if (started != 0) return;
                started = System.nanoTime();
                Scheduler scheduler = getComponents().getScheduler();
                timer = scheduler.schedule(this::check, deadline() - started, TimeUnit.NANOSECONDS);
            }
        }

        /** When the body must be complete, given what has arrived so far. */
        private long deadline() {
            long latest = started + timeoutNanos;
            if (minRate <= 0) return latest;
            // the bytes received so far buy this much time at the least rate
            long earned = GRACE_NANOS + (bytes.get() * 1_000_000_000L) / minRate;
            return Math.min(latest, started + earned);
        }

        private void check() {
            if (finished) return;
            long now = System.nanoTime();
            long deadline = deadline();
            if (now - deadline < 0) {
                timer = getComponents().getScheduler().schedule(this::check, deadline - now, TimeUnit.NANOSECONDS);
                return;
            }
            long ms = (now - started) / 1_000_000;
            String why = now - (started + timeoutNanos) >= 0
                    ? "request body not complete within " + timeoutNanos / 1_000_000 + " ms"
                    : "request body slower than " + minRate + " bytes/s";
            failure = Content.Chunk.from(new TimeoutException(why), true);
            log.info("slow request body dropped ip={} method={} path={} bytes={} ms={} reason={}",
                    WebApp.clientAddress(Request.getRemoteAddr(this), getHeaders().get("X-Forwarded-For")), getMethod(),
                    getHttpURI().getPath(), bytes.get(), ms, why);
            Runnable r = waiting.getAndSet(null);
            if (r != null) getComponents().getExecutor().execute(r);
        }

        void done() {
            finished = true;
            Scheduler.Task t = timer;
            if (t != null) t.cancel();
        }
    }
}
