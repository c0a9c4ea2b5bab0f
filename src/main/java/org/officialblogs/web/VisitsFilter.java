package org.officialblogs.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.officialblogs.priority.VisitorsFirst;

/**
 * Tells {@link VisitorsFirst} when each visitor's request begins and when its answer has been written, so a crawl in
 * the same process yields for as long as a request takes (a large export, a bulk upload), not only for its first
 * moment. A servlet filter, because it wraps the whole of the handling, the body's writing included, and its end runs
 * whatever happens: Javalin's request logger is skipped when writing the body fails (a visitor who left), and its
 * after-handlers run before the body is written. Every route answers synchronously, so the answer is written when
 * the chain returns. Monitoring ({@code /health}, {@code /metrics}) is not a visitor.
 */
final class VisitsFilter implements Filter {

    private final VisitorsFirst visitors;

    VisitsFilter(VisitorsFirst visitors) {
        this.visitors = visitors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isMonitoring(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        visitors.visitBegan();
        try {
            chain.doFilter(request, response);
        } finally {
            visitors.visitEnded();
        }
    }

    static boolean isMonitoring(String path) {
        return path.equals("/health") || path.equals("/metrics");
    }
}
