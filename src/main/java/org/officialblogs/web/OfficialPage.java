package org.officialblogs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.officialblogs.crawl.CrawlLogEntry;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.metrics.CommentsState;
import org.officialblogs.metrics.MeasuredStatus;
import org.officialblogs.metrics.Methodology;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.metrics.Movement;
import org.officialblogs.metrics.PostingMetrics;
import org.officialblogs.metrics.ResponsivenessMetrics;
import org.officialblogs.metrics.ScoreComponent;
import org.officialblogs.metrics.ScoreFormula;
import org.officialblogs.metrics.StoredMetrics;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.Source;
import org.officialblogs.web.query.ActivityDao;
import org.officialblogs.web.query.MetricsReadDao;
import org.officialblogs.web.query.ProfileQuery;

/**
 * One official's page: the registry entry and, per blog, its metrics in plain sentences, charts, recent posts with
 * how replies were decided, crawl status, rank history, score breakdown and sources. Every value is already text.
 */
public record OfficialPage(SiteInfo site, Official official, List<BlogSection> blogs, List<Source> generalSources,
                           String summary, java.util.Map<Long, ArchiveView> archived) {

    /**
     * What the web archive's copies show of an ended blog, over its own active period, in words; with links to the
     * captures the figures came from (newest first).
     */
    public record ArchiveView(List<Cell> facts, boolean lowerBound, List<Cell> captures) {}

    /** This page with the archive's figures of the blogs that have them, keyed by blog id. */
    OfficialPage withArchived(java.util.Map<Long, ArchiveView> views) {
        return new OfficialPage(site, official, blogs, generalSources, summary, java.util.Map.copyOf(views));
    }

    /** One blog with everything shown about it. */
    public record BlogSection(
            Blog blog, String anchor, String address, String statusLabel, String statusCss, String statusMeaning,
            String archiveUrl, boolean measured, String measuredAt, List<String> postingFacts,
            List<String> replyFacts, ScoreView score, BarChart postingChart, List<Cell> postingTable,
            BarChart delayChart, List<DelayRow> delayTable, List<PostView> posts, CrawlView crawl,
            List<LogLine> crawlLog, List<HistoryRow> history, List<Source> sources) {}

    /** A label and a value (a row of a two-column table). */
    public record Cell(String label, String value) {}

    /** The score, its rank and its four parts. */
    public record ScoreView(String points, String rankText, List<ComponentRow> components, String total,
                            String notEnoughDataNote, String closedPolicyNote) {}

    /** One part of the score. */
    public record ComponentRow(String label, String value, String weight, String points, String explanation) {}

    /** One replied post in the reply-delay table. */
    public record DelayRow(String title, String published, String firstComment, String firstReply, String delay) {}

    /** A recent post with its reply facts and how each comment's authorship was decided. */
    public record PostView(long id, String title, String url, String date, String iso, String comments,
                           boolean replied, String commentsState, List<DecisionView> decisions) {}

    /** One comment, anonymised: who ("the official" or "a reader"), when, and why it was so decided. */
    public record DecisionView(String when, String who, boolean official, String decidedBy, String note,
                               String replyTo) {}

    /** The crawler's view of the blog. */
    public record CrawlView(boolean scheduled, String health, String healthCss, List<Cell> facts) {}

    /** One line of the crawl log. */
    public record LogLine(String at, String purpose, String url, String status, String size, String duration,
                          String items, String failure) {}

    /** One day of rank history. */
    public record HistoryRow(String day, String rank, String score, String status) {}

    static OfficialPage of(SiteInfo site, ProfileQuery.OfficialProfile profile, Readable readable, Instant now) {
        List<BlogSection> sections = new ArrayList<>();
        for (ProfileQuery.BlogProfile b : profile.blogs()) {
            sections.add(section(b, readable, now));
        }
        return new OfficialPage(site, profile.official(), sections, profile.generalSources(),
                summary(profile.official(), sections), java.util.Map.of());
    }

    /** One sentence for a shared link: who, what office, where, and the first measured blog's headline numbers. */
    static String summary(Official o, List<BlogSection> sections) {
        StringBuilder s = new StringBuilder(o.name());
        if (!o.office().isBlank()) s.append(", ").append(o.office());
        s.append(" (").append(o.countryName()).append(").");
        sections.stream().filter(BlogSection::measured).findFirst().ifPresentOrElse(b -> {
            s.append(" Score ").append(b.score().points()).append(" of 100. ").append(b.score().rankText());
            if (!b.postingFacts().isEmpty()) s.append(' ').append(b.postingFacts().get(0));
        }, () -> s.append(" Not measured yet: how often this official blogs and answers readers is shown once the"
                + " blog has been read."));
        return s.toString();
    }

    private static BlogSection section(ProfileQuery.BlogProfile p, Readable readable, Instant now) {
        Blog blog = p.blog();
        // a lead, or a blog never read, has nothing to measure: its metrics row only records its status, and the
        // score of no data at all would be the formula's priors, not a measurement
        java.time.Instant lastSuccess = p.crawlState().map(org.officialblogs.crawl.CrawlState::lastSuccessAt).orElse(null);
        StoredMetrics m = p.metrics().filter(x -> !MetricsReadDao.neverMeasured(x.status(),
                x.metrics().posting().lastPostAt().orElse(null), lastSuccess)).orElse(null);
        String address = blog.address();
        MeasuredStatus status = p.metrics().map(StoredMetrics::status).orElse(null);
        String statusLabel = status == null ? blog.status().label() : Readable.statusLabel(status);
        String statusCss = status == null ? blog.status().code() : Readable.statusCss(status);
        String meaning = status == null ? "Not measured yet: the metrics are computed after the blog's first crawl."
                : Readable.statusMeaning(status);
        boolean offline = blog.status() == org.officialblogs.registry.ListingStatus.OFFLINE || status == MeasuredStatus.OFFLINE;
        String archive = offline && address != null ? "https://web.archive.org/web/*/" + address : null;
        String anchor = "blog-" + blog.id();

        List<String> posting = m == null ? List.of() : postingFacts(m.metrics().posting(), readable, now);
        List<String> replies = m == null ? List.of() : replyFacts(m);
        ScoreView score = m == null ? null : scoreView(m);
        BarChart postingChart = null;
        List<Cell> postingTable = List.of();
        if (m != null && m.metrics().posting().lastPostAt().isPresent()) {
            List<Integer> weeks = m.metrics().posting().weeklyPostsLast52();
            LocalDate asOf = LocalDate.ofInstant(m.metrics().asOf(), readable.zone());
            int size = weeks.size();
            int busiest = weeks.stream().mapToInt(Integer::intValue).max().orElse(0);
            postingChart = BarChart.of(anchor + "-posts", "Posts per week over the last 52 weeks, by the week's last day",
                    "Posted in " + m.metrics().posting().weeksWithPostLast52() + " of the last 52 weeks; the busiest"
                            + " week had " + Readable.count(busiest, "post", "posts") + ".",
                    weeks.stream().map(Integer::doubleValue).toList(),
                    i -> "Week ending " + readable.date(asOf.minusDays(7L * (size - 1 - i))
                            .atStartOfDay(readable.zone()).toInstant()) + ": "
                            + Readable.count(weeks.get(i), "post", "posts"),
                    max -> Readable.count(Math.round(max), "post", "posts") + " a week",
                    readable.date(asOf.minusDays(7L * (size - 1)).atStartOfDay(readable.zone()).toInstant()),
                    readable.date(asOf.minusDays(7L * (size / 2)).atStartOfDay(readable.zone()).toInstant()),
                    readable.date(asOf.atStartOfDay(readable.zone()).toInstant()));
            List<Cell> table = new ArrayList<>();
            for (int i = size - 1; i >= 0; i--) {
                table.add(new Cell(readable.date(asOf.minusDays(7L * (size - 1 - i)).atStartOfDay(readable.zone())
                        .toInstant()), Integer.toString(weeks.get(i))));
            }
            postingTable = table;
        }
        BarChart delayChart = null;
        List<DelayRow> delayTable = new ArrayList<>();
        if (!p.replyDelays().isEmpty()) {
            List<ActivityDao.ReplyDelay> oldestFirst = new ArrayList<>(p.replyDelays());
            java.util.Collections.reverse(oldestFirst);
            List<Double> hours = oldestFirst.stream().map(d -> d.delay().toSeconds() / 3600.0).toList();
            Duration fastest = oldestFirst.stream().map(ActivityDao.ReplyDelay::delay).min(Duration::compareTo)
                    .orElseThrow();
            Duration slowest = oldestFirst.stream().map(ActivityDao.ReplyDelay::delay).max(Duration::compareTo)
                    .orElseThrow();
            delayChart = BarChart.of(anchor + "-delays", "Hours from the first reader comment to the official's"
                            + " first reply, last " + Readable.count(oldestFirst.size(), "replied post", "replied posts")
                            + ", by the day the post was published",
                    "Fastest reply " + Readable.duration(fastest) + ", slowest " + Readable.duration(slowest) + ".",
                    hours, i -> (oldestFirst.get(i).title() == null ? "Untitled post" : oldestFirst.get(i).title())
                            + ": " + Readable.duration(oldestFirst.get(i).delay()),
                    max -> Readable.duration(Duration.ofSeconds(Math.round(max * 3600))),
                    readable.date(oldestFirst.get(0).publishedAt()), null,
                    readable.date(oldestFirst.get(oldestFirst.size() - 1).publishedAt()));
            for (ActivityDao.ReplyDelay d : p.replyDelays()) {
                delayTable.add(new DelayRow(d.title() == null ? "Untitled post" : d.title(),
                        readable.date(d.publishedAt()), readable.dateTime(d.firstReaderCommentAt()),
                        readable.dateTime(d.firstOfficialReplyAt()), Readable.duration(d.delay())));
            }
        }
        List<PostView> posts = new ArrayList<>();
        for (ActivityDao.PublicPost post : p.recentPosts()) {
            List<DecisionView> decisions = new ArrayList<>();
            for (ActivityDao.CommentDecision d : p.decisions().getOrDefault(post.postId(), List.of())) {
                decisions.add(new DecisionView(d.publishedAt() == null ? "date unknown" : readable.dateTime(d.publishedAt()),
                        d.byOfficial() ? "the official" : "a reader", d.byOfficial(), Readable.signal(d.decidedBy()),
                        d.note() == null ? "" : d.note(),
                        d.replyToOfficial() == null ? "" : d.replyToOfficial() ? "replying to the official"
                                : "replying to a reader"));
            }
            String comments = post.readerComments() == null ? "comments not collected"
                    : Readable.count(post.readerComments(), "reader comment", "reader comments");
            String state = post.commentsState() == CommentsState.OPEN ? "comments open"
                    : post.commentsState() == CommentsState.CLOSED ? "comments closed" : "";
            posts.add(new PostView(post.postId(), post.title() == null || post.title().isBlank() ? "Untitled post"
                    : post.title(), post.url(), readable.date(post.publishedAt()), Readable.iso(post.publishedAt()),
                    comments, post.officialReplied(), state, decisions));
        }
        List<LogLine> log = new ArrayList<>();
        for (CrawlLogEntry e : p.crawlLog()) {
            log.add(new LogLine(readable.dateTime(e.at()), Readable.purpose(e.purpose()), e.url(),
                    e.httpStatus() == null ? "—" : e.httpStatus().toString(),
                    e.bytes() == null ? "" : e.bytes() + " B", e.durationMs() == null ? "" : e.durationMs() + " ms",
                    e.itemsSeen() == null ? "" : e.itemsSeen() + (e.newItems() == null ? "" : " (" + e.newItems() + " new)"),
                    e.failureKind() == null ? "" : Readable.failure(e.failureKind())));
        }
        List<HistoryRow> history = new ArrayList<>();
        for (MetricsReadDao.Snapshot s : p.history()) {
            history.add(new HistoryRow(readable.date(s.day().atStartOfDay(readable.zone()).toInstant()),
                    s.rank() == null ? "not ranked" : "#" + s.rank(), m == null ? "none" : Readable.oneDecimal(s.score()),
                    Readable.statusLabel(s.status())));
        }
        return new BlogSection(blog, anchor, address, statusLabel, statusCss, meaning, archive, m != null,
                m == null ? "" : readable.dateTime(m.metrics().asOf()), posting, replies, score, postingChart,
                postingTable, delayChart, delayTable, posts, crawlView(p, readable), log, history, p.sources());
    }

    private static List<String> postingFacts(PostingMetrics p, Readable readable, Instant now) {
        List<String> facts = new ArrayList<>();
        if (p.lastPostAt().isEmpty()) {
            facts.add("No dated post has been found yet.");
        } else {
            facts.add("Posted " + times(p.postsLast90Days()) + " in the last 90 days, about "
                    + Readable.oneDecimal(p.postsPerWeekLast90Days()) + " a week.");
            facts.add("Posted in " + p.weeksWithPostLast12() + " of the last 12 weeks and in "
                    + p.weeksWithPostLast52() + " of the last 52.");
            Instant last = p.lastPostAt().get();
            facts.add("The last post is from " + readable.date(last) + " (" + readable.daysAgo(last, now) + ").");
            if (p.medianGapDays().isPresent()) {
                facts.add("In the last year the usual gap between posts was " + days(p.medianGapDays().getAsDouble())
                        + ", the longest " + days(p.longestGapDays().getAsDouble()) + ".");
            }
        }
        if (p.undatedIgnored() > 0 || p.futureIgnored() > 0) {
            facts.add(Readable.count(p.undatedIgnored(), "post without a date", "posts without a date") + " and "
                    + Readable.count(p.futureIgnored(), "post dated in the future", "posts dated in the future")
                    + " were left out.");
        }
        return facts;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static String days(double d) {
        return (d == Math.rint(d) ? Long.toString((long) d) : Readable.oneDecimal(d)) + (d == 1 ? " day" : " days");
    }

    private static List<String> replyFacts(StoredMetrics m) {
        ResponsivenessMetrics r = m.metrics().responsiveness();
        List<String> facts = new ArrayList<>();
        long minimumDays = MetricsSettings.DEFAULT_MINIMUM_JUDGING_AGE.toDays();
        facts.add(Readable.count(r.judgedPosts(), "post with its comments read is", "posts with their comments read are")
                + " old enough to judge (at least "
                + minimumDays + " days) and from the last year"
                + (r.postsTooRecent() == 0 ? "." : "; " + Readable.count(r.postsTooRecent(), "newer post waits",
                "newer posts wait") + "."));
        int n = r.judgedPostsWithReaderComments();
        if (!m.repliesMeasured()) {
            facts.add("Replies cannot be measured on this blog: "
                    + RepliesWords.label(m.repliesMeasurable(), m.repliesReason()) + "."
                    + (m.repliesReason() == null || m.repliesReason().isBlank() ? "" : " " + m.repliesReason())
                    + " This is not a reply rate of 0 %: the score holds responsiveness at the neutral 0.50.");
            return facts;
        } else if (m.commentsClosedEverywhere()) {
            facts.add("Comments were closed on all " + r.judgedPostsWithKnownCommentsState()
                    + " judged posts whose comment state is known, so readers could not comment.");
        } else if (n == 0) {
            facts.add("No judged post has a reader comment yet, so there is no reply rate.");
        } else if (n < ScoreFormula.MINIMUM_REPLY_SAMPLE) {
            facts.add("Only " + Readable.count(n, "judged post", "judged posts") + " had reader comments and the"
                    + " official replied on " + r.judgedPostsReplied() + ": not enough data yet ("
                    + ScoreFormula.MINIMUM_REPLY_SAMPLE + " are needed), so the score pulls the rate toward a neutral"
                    + " 50 %.");
        } else {
            facts.add("Of " + n + " judged posts with reader comments, the official replied on "
                    + r.judgedPostsReplied() + ": a reply rate of " + Readable.percent(r.replyRate().getAsDouble())
                    + " (95 % interval " + Readable.percentRange(r.replyRateInterval().lower(),
                    r.replyRateInterval().upper()) + ").");
        }
        r.medianTimeToFirstReply().ifPresent(d -> facts.add("Half of the official's first replies came within "
                + Readable.duration(d) + " of the first reader comment."));
        if (r.readerComments() > 0) {
            facts.add("Readers wrote " + Readable.count(r.readerComments(), "comment", "comments")
                    + " on judged posts; the official answered " + r.readerCommentsAnswered() + " of them.");
        }
        if (r.judgedPostsWithCommentsClosed() > 0 && !m.commentsClosedEverywhere()) {
            facts.add("Comments were closed on " + r.judgedPostsWithCommentsClosed() + " of "
                    + r.judgedPostsWithKnownCommentsState() + " judged posts whose comment state is known.");
        }
        return facts;
    }

    private static ScoreView scoreView(StoredMetrics m) {
        List<ComponentRow> rows = new ArrayList<>();
        for (ScoreComponent c : m.score().components()) {
            rows.add(new ComponentRow(c.part().label(), Readable.fixed(c.value(), 2),
                    Readable.fixed(c.weight(), 0), Readable.fixed(c.points(), 2),
                    c.explanation()));
        }
        String rankText;
        if (m.placement().rank() == null) {
            rankText = "Not ranked: only active and slowing blogs are ranked.";
        } else {
            Movement mv = m.placement().movement();
            String change = switch (mv.direction()) {
                case UP -> "up " + Readable.count(mv.places(), "place", "places") + " since the previous day";
                case DOWN -> "down " + Readable.count(mv.places(), "place", "places") + " since the previous day";
                case SAME -> "unchanged since the previous day";
                case NEW -> "new in the ranking";
            };
            rankText = "Rank " + m.placement().rank() + ", " + change + ".";
        }
        String notEnough = m.score().notEnoughDataYet()
                ? "Not enough data yet: fewer than " + ScoreFormula.MINIMUM_REPLY_SAMPLE + " judged posts had reader"
                + " comments, so the reply rate was pulled toward the neutral 0.50."
                : null;
        String closed = m.score().commentsClosedPolicyApplied() ? Methodology.commentsClosedRule() : null;
        return new ScoreView(Readable.oneDecimal(m.score().points()), rankText, rows,
                Readable.fixed(m.score().exactPoints(), 2), notEnough, closed);
    }

    private static CrawlView crawlView(ProfileQuery.BlogProfile p, Readable readable) {
        if (p.crawlState().isEmpty()) {
            return new CrawlView(false, p.blog().address() == null ? "Nothing to crawl: no address is known yet."
                    : "Not scheduled for crawling yet.", "dormant", List.of());
        }
        var s = p.crawlState().get();
        String health;
        String css;
        if (s.unreachable()) {
            health = "Unreachable: the crawler has failed " + Readable.count(s.consecutiveFailures(), "time", "times")
                    + " in a row.";
            css = "unreachable";
        } else if (s.consecutiveFailures() > 0) {
            health = "Failing: the last " + Readable.count(s.consecutiveFailures(), "attempt", "attempts") + " failed.";
            css = "failing";
        } else if (s.lastSuccessAt() == null) {
            health = "Waiting for its first crawl.";
            css = "slowing";
        } else {
            health = "Crawled successfully.";
            css = "active";
        }
        List<Cell> facts = new ArrayList<>();
        facts.add(new Cell("Last success", s.lastSuccessAt() == null ? "never" : readable.dateTime(s.lastSuccessAt())));
        if (s.lastAttemptAt() != null) facts.add(new Cell("Last attempt", readable.dateTime(s.lastAttemptAt())));
        if (s.lastHttpStatus() != null) facts.add(new Cell("Last HTTP status", s.lastHttpStatus().toString()));
        if (s.failureKind() != null) {
            String detail = FailureKind.plainDetail(s.failureMessage());
            facts.add(new Cell("Failure", Readable.failure(s.failureKind()) + (detail == null ? "" : " (" + detail + ")")));
        }
        facts.add(new Cell("Consecutive failures", Integer.toString(s.consecutiveFailures())));
        if (s.failingSince() != null) facts.add(new Cell("Failing since", readable.dateTime(s.failingSince())));
        facts.add(new Cell("Next attempt", readable.dateTime(s.nextAttemptAt())));
        if (s.feedTitle() != null) facts.add(new Cell("Feed title", s.feedTitle()));
        return new CrawlView(true, health, css, facts);
    }
}
