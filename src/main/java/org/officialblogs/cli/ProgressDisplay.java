package org.officialblogs.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress of a long command on standard error.
 *
 * <p>On a terminal, a bar redrawn in place on the last line; anything else written to standard error meanwhile (log
 * lines) is printed above the bar, which is then drawn again, so the two never share a line. Elsewhere (a pipe, a
 * file, a service's journal), plain lines without terminal codes, at most one per {@code plainEvery}, and a last one
 * when the work ends.
 */
public final class ProgressDisplay implements AutoCloseable {

    /** How often plain progress lines are written when standard error is not a terminal. */
    public static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    private final String task;
    private final PrintWriter plain;
    private final Duration plainEvery;
    private final LongSupplier nanoTime;
    private final long started;
    private final ProgressBar bar;
    private final PrintStream originalErr;
    private long lastPlainLine;
    private long done = -1;
    private long printedDone = -1;
    private long total;
    private boolean closed;

    private ProgressDisplay(String task, PrintWriter plain, Duration plainEvery, LongSupplier nanoTime, boolean terminal) {
        this.task = task;
        this.plain = plain;
        this.plainEvery = plainEvery;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastPlainLine = started;
        if (terminal) {
            originalErr = System.err;
            BarBelowLines lines = new BarBelowLines(originalErr);
            System.setErr(new PrintStream(lines, true, StandardCharsets.UTF_8));
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(0).setConsumer(lines)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        } else {
            originalErr = null;
            bar = null;
        }
    }

    /** A bar on the terminal when {@code terminal}, else plain lines on {@code plain}. */
    public static ProgressDisplay open(String task, boolean terminal, PrintWriter plain) {
        return new ProgressDisplay(task, plain, PLAIN_EVERY, System::nanoTime, terminal);
    }

    /** Plain lines only, with a chosen pace and clock (tests). */
    static ProgressDisplay plain(String task, PrintWriter plain, Duration every, LongSupplier nanoTime) {
        return new ProgressDisplay(task, plain, every, nanoTime, false);
    }

    /**
     * Whether standard error is worth drawing a bar on: the process has a console (stdin and stdout are a terminal,
     * which is where a person watches) and the terminal is not a dumb one.
     */
    public static boolean terminal(java.io.Console console) {
        String term = System.getenv("TERM");
        return console != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    /** {@code done} of {@code total} finished. */
    public synchronized void update(long done, long total) {
        if (closed) return;
        this.done = done;
        this.total = total;
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastPlainLine >= plainEvery.toNanos()) {
            lastPlainLine = now;
            plainLine(now);
        }
    }

    private void plainLine(long now) {
        printedDone = done;
        String percent = total > 0 ? String.format(Locale.ROOT, " (%d%%)", done * 100 / total) : "";
        plain.println(task + ": " + done + " of " + total + percent + ", " + elapsed(now - started));
        plain.flush();
    }

    static String elapsed(long nanos) {
        long s = Duration.ofNanos(nanos).toSeconds();
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** Ends the display: the bar's last state stays on its line; plain output ends with the final count. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (bar != null) {
            bar.close();
            System.setErr(originalErr);
        } else if (total > 0 && printedDone != done) {
            plainLine(nanoTime.getAsLong());
        }
    }

    /**
     * Standard error while a bar is shown: the bar's renderings and every other write go through one lock; before
     * another write the bar's line is cleared, after a finished line the bar is drawn again below it.
     */
    static final class BarBelowLines extends OutputStream implements ProgressBarConsumer {
        private static final byte[] CLEAR_LINE = "\r\u001b[K".getBytes(StandardCharsets.US_ASCII);
        private final PrintStream out;
        private String rendered = "";
        private boolean barOnLine;

        BarBelowLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public synchronized void accept(String text) {
            rendered = text;
            out.print('\r');
            out.print(text);
            out.flush();
            barOnLine = true;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (len == 0) return;
            if (barOnLine) {
                out.write(CLEAR_LINE, 0, CLEAR_LINE.length);
                barOnLine = false;
            }
            out.write(b, off, len);
            if (b[off + len - 1] == '\n' && !rendered.isEmpty()) {
                out.print(rendered);
                barOnLine = true;
            }
            out.flush();
        }

        @Override
        public synchronized void flush() {
            out.flush();
        }

        @Override
        public synchronized void close() {
            if (barOnLine) out.println();
            barOnLine = false;
            out.flush();
        }

        @Override
        public void clear() {
            // the bar's line is cleared before each other write; nothing to undo on request
        }

        /** Appendable, from the consumer interface: treated as text to print above the bar. */
        @Override
        public BarBelowLines append(CharSequence csq) {
            byte[] bytes = String.valueOf(csq).getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
            return this;
        }

        @Override
        public BarBelowLines append(CharSequence csq, int start, int end) {
            return append(String.valueOf(csq).subSequence(start, end));
        }

        @Override
        public BarBelowLines append(char c) {
            return append(String.valueOf(c));
        }

    }
}
