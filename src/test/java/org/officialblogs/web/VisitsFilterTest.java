package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.priority.VisitorsFirst;
import org.officialblogs.testkit.TestServer;

/** Visitors' requests are counted from their start to the end of their answer; monitoring is not counted. */
class VisitsFilterTest {

    /** Longer than the window a visit keeps the site busy after it began or ended (250 ms). */
    private static final long PAST_THE_WINDOW_MS = 300;

    @TempDir
    Path dir;

    @Test
    void aRequestCountsUntilItsAnswerIsOverEvenWhenWritingItFails() throws Exception {
        VisitorsFirst visitors = new VisitorsFirst(10, 2);
        AtomicBoolean servingLate = new AtomicBoolean();
        FilterChain longAnswerThenTheVisitorLeaves = (request, response) -> {
            try {
                sleep(PAST_THE_WINDOW_MS); // a large export, still being written
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            servingLate.set(visitors.serving());
            throw new IOException("Broken pipe");
        };
        assertThatThrownBy(() -> new VisitsFilter(visitors).doFilter(request("/data/posts.csv"), null,
                longAnswerThenTheVisitorLeaves)).isInstanceOf(IOException.class);
        assertThat(servingLate).as("serving while the answer was written, past a visit's window").isTrue();
        assertThat(visitors.serving()).as("just after the answer").isTrue();
        sleep(PAST_THE_WINDOW_MS);
        assertThat(visitors.serving()).as("the failed request was counted as over").isFalse();
        assertThat(visitors.visits()).isEqualTo(1);
    }

    @Test
    void monitoringIsNotAVisitor() throws Exception {
        VisitorsFirst visitors = new VisitorsFirst(10, 2);
        VisitsFilter filter = new VisitsFilter(visitors);
        filter.doFilter(request("/health"), null, (request, response) -> { });
        filter.doFilter(request("/metrics"), null, (request, response) -> { });
        assertThat(visitors.visits()).isZero();
        assertThat(visitors.serving()).isFalse();
    }

    @Test
    void theAppCountsEveryPageRequestAndEndsEachCount() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            VisitorsFirst visitors = server.app.visitors;
            long before = visitors.visits();
            assertThat(server.get("/").statusCode()).isEqualTo(200);
            assertThat(server.get("/no-such-page").statusCode()).isEqualTo(404);
            assertThat(server.get("/static/style.css").statusCode()).isEqualTo(200);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            assertThat(visitors.visits() - before).as("two pages and a file; not /health").isEqualTo(3);
            sleep(PAST_THE_WINDOW_MS);
            assertThat(visitors.serving()).as("every counted request ended").isFalse();
        }
    }

    private static HttpServletRequest request(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(VisitsFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    default -> throw new AssertionError("the filter read " + method.getName()
                            + "; it should need only the request's path");
                });
    }

    private static void sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
