package org.officialblogs.export;

import static org.officialblogs.export.Column.optional;
import static org.officialblogs.export.Column.required;
import static org.officialblogs.export.Column.url;
import static org.officialblogs.export.ColumnType.BOOLEAN;
import static org.officialblogs.export.ColumnType.DATE;
import static org.officialblogs.export.ColumnType.DATETIME;
import static org.officialblogs.export.ColumnType.INTEGER;
import static org.officialblogs.export.ColumnType.NUMBER;
import static org.officialblogs.export.ColumnType.STRING;

import java.util.List;
import java.util.Optional;
import org.officialblogs.metrics.MetricsSettings;

/**
 * The public tables of the dataset. Only listed entries (blog status lead, active, dormant or offline, and their
 * officials) are exported; submissions, submitters, moderators, sessions, the audit log, reply aliases, commenters'
 * names and addresses never are.
 */
public final class ExportTables {

    private ExportTables() {}

    public static final ExportTable OFFICIALS = new ExportTable("officials", "Officials",
            "One row per public official with at least one listed blog.",
            List.of(
                    required("official_id", INTEGER, "Stable identifier of the official in this dataset."),
                    required("name", STRING, "The official's name as commonly written."),
                    required("office", STRING, "The office held (may be empty when only the role's level is known)."),
                    required("country", STRING, "ISO 3166-1 alpha-2 code of the country served."),
                    optional("region", STRING, "Region, state or province, for regional and local officials."),
                    optional("locality", STRING, "City or municipality, for local officials."),
                    required("level", STRING, "Level of government: international, national, regional or local."),
                    required("branch", STRING, "Branch: executive, legislative, judicial, agency, diplomatic, central_bank or other."),
                    optional("party", STRING, "Political party, when the official has one."),
                    optional("wikidata_id", STRING, "Wikidata item of the person (Q followed by digits)."),
                    optional("in_office_from", STRING, "Start of the term: YYYY, YYYY-MM or YYYY-MM-DD."),
                    optional("in_office_to", STRING, "End of the term: YYYY, YYYY-MM or YYYY-MM-DD; empty while in office."),
                    required("origin", STRING, "How the entry entered the registry: seed, import, submission or moderator."),
                    required("created_at", DATETIME, "When the entry was added (UTC)."),
                    required("updated_at", DATETIME, "When the entry last changed (UTC)."),
                    optional("sources", STRING, "Public URLs that state the entry (government pages, news), separated by ' ; '.")),
            List.of("official_id"), List.of(), null);

    public static final ExportTable BLOGS = new ExportTable("blogs", "Blogs",
            "One row per listed blog, with its latest metrics, status and rank.",
            List.of(
                    required("blog_id", INTEGER, "Stable identifier of the blog in this dataset."),
                    required("official_id", INTEGER, "The official who writes the blog (officials.official_id)."),
                    url("site_url", "Address of the blog's home page."),
                    url("feed_url", "Address of the blog's RSS or Atom feed."),
                    optional("platform", STRING, "Blog software or host, when known (wordpress, blogger, ...)."),
                    optional("language", STRING, "Main language of the posts (BCP 47 tag)."),
                    required("authorship", STRING, "Who writes it: self, shared (with staff) or unknown."),
                    optional("active_years", STRING, "Years the blog is known to have been active, as given by its source."),
                    optional("notes", STRING, "Public notes on the entry."),
                    required("registry_status", STRING, "Registry status as moderators set it: lead (not yet verified), active (listed and crawled; whether the official posts is the measured status column), dormant or offline."),
                    optional("status", STRING, "Measured status: active, slowing, dormant, unreachable, offline, lead or no_data."),
                    optional("rank", INTEGER, "Competition rank by score among active and slowing blogs (equal scores share a rank)."),
                    optional("score", NUMBER, "Score from 0 to 100 (see /methodology); empty for leads and blogs never read (no data yet, or unreachable or offline before any post was read)."),
                    optional("posts_last_90_days", INTEGER, "Posts published in the last 90 days."),
                    optional("posts_per_week", NUMBER, "Average posts a week over the last 90 days."),
                    optional("weeks_with_post_12", INTEGER, "Of the last 12 weeks, how many had at least one post."),
                    optional("weeks_with_post_52", INTEGER, "Of the last 52 weeks, how many had at least one post."),
                    optional("last_post_at", DATETIME, "Publication time of the newest post (UTC)."),
                    optional("judged_posts", INTEGER, "Posts whose comments were read, at least "
                            + MetricsSettings.DEFAULT_MINIMUM_JUDGING_AGE.toDays() + " days old and from the last "
                            + MetricsSettings.DEFAULT_RESPONSIVENESS_WINDOW_DAYS
                            + " days: the posts replies are judged on (see the methodology)."),
                    optional("judged_with_comments", INTEGER, "Judged posts with at least one reader comment."),
                    optional("judged_replied", INTEGER, "Of those, posts where the official answered a reader."),
                    optional("reply_rate", NUMBER, "judged_replied / judged_with_comments, from 0 to 1."),
                    optional("reply_rate_low", NUMBER, "Lower bound of the 95 % Wilson interval of the reply rate."),
                    optional("reply_rate_high", NUMBER, "Upper bound of the 95 % Wilson interval of the reply rate."),
                    optional("median_reply_seconds", INTEGER, "Median time from the first reader comment to the official's first reply, in seconds."),
                    optional("reader_comments", INTEGER, "Reader comments on judged posts."),
                    optional("reader_comments_answered", INTEGER, "Reader comments the official answered."),
                    optional("replies_measurable", STRING, "Whether the official's replies can be measured on this blog: measurable; not_on_platform (the platform shows responses only to a browser, as Medium does); service_not_measured (comments on a service only the site owner's key can read: Disqus, Facebook comments, Hyvor Talk); not_readable (the comments refuse the crawler: paid subscribers only, sign-in, robots.txt). A blog whose replies are not measurable has no reply rate, which is not a rate of 0."),
                    optional("replies_measurable_reason", STRING, "Why the replies cannot be measured, in words; empty when they can."),
                    optional("computed_at", DATETIME, "When these metrics were computed (UTC)."),
                    optional("last_crawl_success_at", DATETIME, "When the crawler last read the blog's feed (UTC); empty if never."),
                    optional("crawl_failure_kind", STRING, "When the latest crawls failed: why (dns, connect, timeout, tls, http_4xx, http_5xx, gone, rate_limited, too_large, not_a_feed, malformed, robots_disallowed, blocked_address, ...); empty when the last crawl succeeded."),
                    optional("crawl_failure_message", STRING, "The failure in detail, as the crawler recorded it."),
                    optional("crawl_consecutive_failures", INTEGER, "Crawls in a row that failed (0 after a success)."),
                    optional("crawl_unreachable", BOOLEAN, "True when 30 days passed without a successful crawl (still retried weekly)."),
                    optional("next_crawl_at", DATETIME, "When the crawler will try the blog next (UTC)."),
                    required("created_at", DATETIME, "When the blog was added to the registry (UTC).")),
            List.of("blog_id"), List.of(new ForeignKey("official_id", "officials", "official_id")), null);

    public static final ExportTable POSTS = new ExportTable("posts", "Posts",
            "One row per post read from a listed blog's feed.",
            List.of(
                    required("post_id", INTEGER, "Stable identifier of the post in this dataset."),
                    required("blog_id", INTEGER, "The blog (blogs.blog_id)."),
                    url("url", "Address of the post."),
                    optional("title", STRING, "Title of the post as given by the feed."),
                    optional("published_at", DATETIME, "Publication time given by the feed (UTC); empty when the feed gives none."),
                    optional("updated_at", DATETIME, "Last update time given by the feed (UTC)."),
                    optional("reported_comments", INTEGER, "Comment count the feed reports (slash:comments, thr:total), when it does."),
                    optional("comments_state", STRING, "Whether comments were open, closed or unknown when last checked; empty when comments are not collected for this post."),
                    optional("comments_seen", INTEGER, "Comments read from the post's comment source."),
                    optional("reader_comments", INTEGER, "Of those, comments by readers."),
                    optional("official_comments", INTEGER, "Of those, comments by the official."),
                    optional("official_replied", BOOLEAN, "True when the official answered a reader's comment on this post; empty when comments are not collected."),
                    optional("first_reader_comment_at", DATETIME, "Time of the first reader comment (UTC)."),
                    optional("first_official_reply_at", DATETIME, "Time of the official's first reply to a reader (UTC)."),
                    required("first_seen_at", DATETIME, "When the crawler first read the post (UTC)."),
                    required("source", STRING, "Where the post was read: live (the blog's own feed) or archive (a web archive's capture of it, for a blog whose feed is gone or whose entry ended)."),
                    optional("archive_first_capture_at", DATETIME, "For a post read from the archive: time of the earliest capture that listed it (UTC)."),
                    url("archive_first_capture_url", "For a post read from the archive: address of that capture in the archive."),
                    optional("archive_last_capture_at", DATETIME, "For a post read from the archive: time of the latest capture that listed it (UTC)."),
                    url("archive_last_capture_url", "For a post read from the archive: address of that capture in the archive.")),
            List.of("post_id"), List.of(new ForeignKey("blog_id", "blogs", "blog_id")), "published_at");

    public static final ExportTable COMMENTS = new ExportTable("comments", "Comments",
            "One row per comment read on a post. Commenters are private people: their names and addresses are never exported.",
            List.of(
                    required("comment_id", INTEGER, "Stable identifier of the comment in this dataset."),
                    required("post_id", INTEGER, "The post commented on (posts.post_id)."),
                    required("blog_id", INTEGER, "The blog of that post (blogs.blog_id)."),
                    required("source", STRING, "Where the comment was read: a comment feed, the WordPress API or the post's page."),
                    optional("published_at", DATETIME, "When the comment was posted (UTC)."),
                    required("is_official", BOOLEAN, "True when the comment is by the official (see /methodology for how this is decided)."),
                    required("decided_by", STRING, "Which signal decided is_official."),
                    optional("parent_comment_id", INTEGER, "The comment this one answers (comments.comment_id), when it is a reply.")),
            List.of("comment_id"), List.of(new ForeignKey("post_id", "posts", "post_id")), "published_at");

    public static final ExportTable METRICS_HISTORY = new ExportTable("metrics_history", "Metrics history",
            "One row per listed blog and day: the headline numbers and the rank as last computed that day.",
            List.of(
                    required("blog_id", INTEGER, "The blog (blogs.blog_id)."),
                    required("day", DATE, "The day (in the metrics' time zone)."),
                    required("status", STRING, "Measured status that day."),
                    optional("rank", INTEGER, "Rank that day; empty when the blog was not ranked."),
                    optional("score", NUMBER, "Score that day, from 0 to 100; empty for a lead or a blog never read."),
                    required("posts_last_90_days", INTEGER, "Posts in the 90 days before."),
                    required("posts_per_week", NUMBER, "Average posts a week over those 90 days."),
                    required("weeks_with_post_12", INTEGER, "Of the 12 weeks before, how many had a post."),
                    required("judged_with_comments", INTEGER, "Judged posts with reader comments."),
                    optional("reply_rate", NUMBER, "Reply rate that day, from 0 to 1."),
                    optional("median_reply_seconds", INTEGER, "Median time to the official's first reply, in seconds."),
                    required("computed_at", DATETIME, "When the day's numbers were computed (UTC).")),
            List.of("blog_id", "day"), List.of(new ForeignKey("blog_id", "blogs", "blog_id")), "day");

    public static final ExportTable CRAWL_LOG = new ExportTable("crawl_log", "Crawl log summary",
            "Per listed blog, day (UTC) and purpose: how many fetches the crawler made and how many failed.",
            List.of(
                    required("blog_id", INTEGER, "The blog (blogs.blog_id)."),
                    required("day", DATE, "The day of the fetches (UTC)."),
                    required("purpose", STRING, "What was fetched: the feed, discovery, history pages, robots.txt or comments."),
                    required("attempts", INTEGER, "Fetches made."),
                    required("failures", INTEGER, "Fetches that failed (an error or an HTTP status of 400 or more)."),
                    optional("last_failure_kind", STRING, "Kind of the day's last failure (timeout, http_error, ...)."),
                    required("bytes", INTEGER, "Bytes received."),
                    required("items_seen", INTEGER, "Feed items or comments read."),
                    required("new_items", INTEGER, "Of those, items not seen before."),
                    required("last_attempt_at", DATETIME, "Time of the day's last fetch (UTC).")),
            List.of("blog_id", "day", "purpose"), List.of(new ForeignKey("blog_id", "blogs", "blog_id")), "day");

    public static final ExportTable ARCHIVE_PERIODS = new ExportTable("archive_periods", "Archive periods",
            "One row per listed blog read from a web archive's captures (its feed gone, unreachable or its entry ended): "
                    + "the blog's own active period, first post to last, its figures, and what the captures cover. "
                    + "Counts are lower bounds where captures are sparse (see /methodology).",
            List.of(
                    required("blog_id", INTEGER, "The blog (blogs.blog_id)."),
                    required("state", STRING, "State of the archive read: requested, reading, done, stopped (the archive asked to wait) or failed."),
                    required("reason", STRING, "Why the blog was read from the archive: gone, unreachable, ended (registry entry) or requested."),
                    optional("period_start", DATETIME, "Publication time of the first post read from the captures (UTC)."),
                    optional("period_end", DATETIME, "Publication time of the last post read from the captures (UTC)."),
                    optional("period_days", INTEGER, "Length of the period in days."),
                    optional("period_weeks", INTEGER, "Weeks the period spans."),
                    optional("period_posts", INTEGER, "Dated posts in the period."),
                    optional("posts_per_week", NUMBER, "Average posts a week over the period."),
                    optional("weeks_with_post", INTEGER, "Of the period's weeks, how many had at least one post."),
                    optional("longest_gap_days", NUMBER, "Longest time between two consecutive posts, in days."),
                    optional("median_gap_days", NUMBER, "Median time between consecutive posts, in days."),
                    optional("reply_rate", NUMBER, "Share of the posts with captured reader comments that the official answered, from 0 to 1; empty when no comments were captured."),
                    optional("reply_rate_low", NUMBER, "Lower bound of the 95 % Wilson interval of the reply rate."),
                    optional("reply_rate_high", NUMBER, "Upper bound of the 95 % Wilson interval of the reply rate."),
                    optional("replies_judged", INTEGER, "Posts with captured reader comments the reply rate is judged on."),
                    optional("median_reply_hours", NUMBER, "Median time from the first reader comment to the official's first reply, in hours."),
                    required("lower_bound", BOOLEAN, "True when a stretch of the period has no capture that vouches for its posts: the counts may be short of the truth."),
                    optional("months", INTEGER, "Calendar months the period spans."),
                    optional("months_without_capture", INTEGER, "Of those, months the archive holds no capture of the blog."),
                    required("captures_listed", INTEGER, "Captures the archive's index listed for the blog's feeds and pages."),
                    required("captures_read", INTEGER, "Captures fetched and read."),
                    required("feed_captures", INTEGER, "Of those, captures of a feed that could be read."),
                    required("post_pages_read", INTEGER, "Captured post pages read for their comments."),
                    optional("first_feed_capture_at", DATETIME, "Time of the earliest feed capture read (UTC)."),
                    optional("last_feed_capture_at", DATETIME, "Time of the latest feed capture read (UTC)."),
                    required("complete", BOOLEAN, "True when every listed capture was read (the read was not cut short)."),
                    optional("finished_at", DATETIME, "When the read finished (UTC).")),
            List.of("blog_id"), List.of(new ForeignKey("blog_id", "blogs", "blog_id")), null);

    /** Every exported table, in the order files are listed. */
    public static final List<ExportTable> ALL = List.of(OFFICIALS, BLOGS, POSTS, COMMENTS, METRICS_HISTORY, CRAWL_LOG,
            ARCHIVE_PERIODS);

    /** The table of a file name (without extension). */
    public static Optional<ExportTable> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
