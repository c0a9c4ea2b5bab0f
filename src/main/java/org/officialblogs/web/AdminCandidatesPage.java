package org.officialblogs.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.officialblogs.discover.Candidate;
import org.officialblogs.discover.CandidateDao;
import org.officialblogs.discover.CandidateReview;
import org.officialblogs.discover.CandidateStatus;
import org.officialblogs.discover.Evidence;

/**
 * GET /admin/candidates: candidates found by discovery, strongest evidence first, with the filters (status, country,
 * level, source, evidence) as chosen, the counts by status, the latest runs, and what a decision just did.
 *
 * @param filters  the chosen filter values by parameter name (empty strings for none)
 * @param failed   the message says a decision was refused (shown as an alert)
 * @param refused  the candidates a decision could not take, each with why
 */
public record AdminCandidatesPage(SiteInfo site, AdminNav nav, Map<String, String> filters,
                                  List<Map.Entry<String, String>> statuses, List<Map.Entry<String, String>> countries,
                                  List<Map.Entry<String, String>> levels, List<Map.Entry<String, String>> branches,
                                  List<Map.Entry<String, String>> sources, List<Map.Entry<String, String>> strengths,
                                  Map<CandidateStatus, Integer> counts, List<Candidate> candidates, Pagination pagination,
                                  List<CandidateDao.Run> runs, String message, boolean failed,
                                  List<CandidateReview.Decision> refused, String reason) {

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    public boolean pending() {
        return "pending".equals(filter("status")) || filter("status").isEmpty();
    }

    public static String day(Instant at) {
        return at == null ? "" : at.toString().substring(0, 10);
    }

    public static String when(Instant at) {
        return at == null ? "never" : at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    /** One line of what the check found, for the evidence column. */
    public static String facts(Evidence e) {
        if (e == null) return "Not checked yet.";
        if (e.outcome() != Evidence.Outcome.FEED) return e.message();
        StringBuilder s = new StringBuilder();
        s.append(e.posts90d()).append(e.posts90d() == 1 ? " post" : " posts").append(" in 90 days (")
                .append(e.postsInFeed()).append(" in the feed)");
        if (e.latestPostAt() != null) s.append(", latest ").append(day(e.latestPostAt()));
        if (e.byline() != null) s.append("; ").append(e.byline().label());
        if (e.bylineSample() != null && e.byline() != Evidence.Byline.NONE) s.append(" (“").append(e.bylineSample()).append("”)");
        if (e.comments() != null) s.append("; ").append(e.comments().label());
        return s.append('.').toString();
    }
}
