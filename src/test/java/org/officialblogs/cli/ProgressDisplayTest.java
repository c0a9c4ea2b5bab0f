package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    @Test
    void plainProgressIsALineEveryPeriodAndTheLastStateOnceWithoutTerminalCodes() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        try (ProgressDisplay d = ProgressDisplay.plain("Crawling", new PrintWriter(text), Duration.ofSeconds(10), now::get)) {
            d.update(1, 40);
            now.addAndGet(Duration.ofSeconds(4).toNanos());
            d.update(5, 40); // under the period: no line
            now.addAndGet(Duration.ofSeconds(7).toNanos());
            d.update(10, 40);
            now.addAndGet(Duration.ofSeconds(65).toNanos());
            d.update(40, 40);
        }
        assertThat(text.toString().lines()).containsExactly(
                "Crawling: 10 of 40 (25%), 11 s",
                "Crawling: 40 of 40 (100%), 1 min 16 s");
        assertThat(text.toString()).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void nothingToDoWritesNoProgressLine() {
        StringWriter text = new StringWriter();
        try (ProgressDisplay d = ProgressDisplay.plain("Crawling", new PrintWriter(text), Duration.ofSeconds(10), () -> 0L)) {
            d.update(0, 0);
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void aLogLineWrittenWhileTheBarIsShownGoesAboveTheBarNotOnItsLine() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressDisplay.BarBelowLines lines = new ProgressDisplay.BarBelowLines(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        lines.accept("Crawling 10% [=     ] 1/10");
        byte[] log = "2026-12-03T06:00:00Z WARN CrawlService blog=3 failed\n".getBytes(StandardCharsets.UTF_8);
        lines.write(log, 0, log.length);
        lines.accept("Crawling 20% [==    ] 2/10");
        lines.close();

        String out = terminal.toString(StandardCharsets.UTF_8);
        // the bar's line is cleared before the log line, and the bar drawn again after it
        assertThat(out).isEqualTo("\rCrawling 10% [=     ] 1/10"
                + "\r\u001b[K2026-12-03T06:00:00Z WARN CrawlService blog=3 failed\n"
                + "Crawling 10% [=     ] 1/10"
                + "\rCrawling 20% [==    ] 2/10"
                + System.lineSeparator());
        // what a person sees: each line is either the log line or the bar, never both
        for (String seen : out.split("\n")) {
            String visible = seen.substring(seen.lastIndexOf('\r') + 1).replace("\u001b[K", "");
            assertThat(visible.contains("WARN") && visible.contains("Crawling")).as(visible).isFalse();
        }
    }
}
