package org.officialblogs.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.officialblogs.App;

/**
 * A small registry written straight into the database: public entries whose text has commas, quotes, newlines and
 * non-Latin script, and beside them every kind of private data (a moderator account and session, a submitter with
 * an email address, a bulk upload, the audit log, reply aliases, commenters' names and addresses, a pending blog).
 * {@link #PRIVATE} lists the strings that must appear in no export and no API response.
 */
public final class ExportFixture {

    public static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");

    public static final String NAME_1 = "Ádám \"Ádi\" Kovács, Jr.";
    public static final String OFFICE_1 = "Mayor of Budapest,\nDistrict V";
    public static final String NAME_2 = "李明";
    public static final String OFFICE_2 = "市长 «Ελλάδα» \"quoted\"";
    public static final String NOTES_10 = "Says \"hi\", often;\r\nthen leaves";
    public static final String TITLE_100 = "Budget, \"reform\"\nand more — ünnepi ☃";
    public static final String TITLE_101 = "日本語のタイトル, «и кириллица»";
    public static final Instant PUBLISHED_100 = Instant.parse("2024-05-01T10:00:00.123Z");
    public static final Instant PUBLISHED_102 = Instant.parse("2024-06-10T08:30:00Z");

    public static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
    public static final String SESSION_HASH = "5e55105e55105e55105e55105e55105e";
    public static final String CSRF = "csrfTokenQq7Zx";

    /** Strings of private data: none may appear in any export or API response. */
    public static final List<String> PRIVATE = List.of(
            "modalice", "$argon2id", PASSWORD_HASH, SESSION_HASH, CSRF,
            "Submitter Sam Qwerty", "sam.qwerty@example.org", "Civic Org Xyzzy", "a private note to moderators",
            "Bulk Betty Uploader", "bulk.betty@example.net", "statuslinkhash77",
            "Commenter Carol Zyxw", "carol-zyxw.example", "carol@zyxw.example", "Reader Rolf Quux",
            "decision mentions Carol",
            "Adi Alias Handle",
            "Pendingname Zebra", "pending-blog.example", "Hidden pending post",
            "approved the submission of Sam");

    /** An email address anywhere in a text. */
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z0-9.-]+");

    private ExportFixture() {}

    /** Writes the registry, then the metrics as of the day before {@link #NOW} and as of {@link #NOW}. */
    public static void load(App app) {
        app.database.jdbi().useHandle(ExportFixture::write);
        app.metrics.recomputeAll(NOW.minus(Duration.ofDays(1)));
        app.metrics.recomputeAll(NOW);
    }

    private static void write(Handle h) {
        long t = NOW.minus(Duration.ofDays(60)).toEpochMilli();
        h.execute("""
                INSERT INTO official (id, name, office, country, region, locality, level, branch, party, wikidata_id,
                    in_office_from, identity_key, origin, origin_ref, created_at, updated_at)
                VALUES (1, ?, ?, 'HU', 'Budapest', 'Budapest', 'local', 'executive', 'Párt, "Új"', 'Q4242', '2019-10',
                    'k1', 'seed', 'seed.csv line 2', ?, ?)""", NAME_1, OFFICE_1, t, t);
        h.execute("""
                INSERT INTO official (id, name, office, country, level, branch, identity_key, origin, created_at, updated_at)
                VALUES (2, ?, ?, 'CN', 'national', 'legislative', 'k2', 'import', ?, ?)""", NAME_2, OFFICE_2, t, t);
        h.execute("""
                INSERT INTO official (id, name, office, country, level, branch, identity_key, origin, origin_ref, created_at, updated_at)
                VALUES (3, 'Pendingname Zebra', 'Clerk', 'DE', 'local', 'executive', 'k3', 'submission', 'submission 1', ?, ?)""", t, t);
        h.execute("""
                INSERT INTO blog (id, official_id, site_url, site_url_key, feed_url, feed_url_key, platform, language,
                    authorship, status, notes, origin, created_at, updated_at)
                VALUES (10, 1, 'https://adam.example.hu/?a=1,2', 's10', 'https://adam.example.hu/feed', 'f10', 'wordpress',
                    'hu', 'self', 'active', ?, 'seed', ?, ?)""", NOTES_10, t, t);
        h.execute("""
                INSERT INTO blog (id, official_id, site_url, site_url_key, authorship, status, origin, created_at, updated_at)
                VALUES (11, 2, 'https://li.example.cn/', 's11', 'unknown', 'dormant', 'import', ?, ?)""", t, t);
        h.execute("""
                INSERT INTO blog (id, official_id, site_url, site_url_key, feed_url, feed_url_key, authorship, status,
                    origin, origin_ref, created_at, updated_at)
                VALUES (12, 3, 'https://pending-blog.example/', 's12', 'https://pending-blog.example/feed', 'f12',
                    'unknown', 'pending', 'submission', 'submission 1', ?, ?)""", t, t);
        h.execute("INSERT INTO source (official_id, blog_id, url, origin, added_at) VALUES (1, NULL, 'https://gov.example.hu/mayor', 'seed', ?)", t);
        h.execute("INSERT INTO source (official_id, blog_id, url, origin, added_at) VALUES (1, 10, 'https://news.example.hu/a?x=1;y=2', 'seed', ?)", t);
        h.execute("INSERT INTO source (official_id, blog_id, url, origin, added_at) VALUES (3, 12, 'https://pending-blog.example/about', 'submission', ?)", t);

        post(h, 100, 10, "g100", "https://adam.example.hu/budget", TITLE_100, PUBLISHED_100.toEpochMilli(), 3, t);
        post(h, 101, 10, "g101", "https://adam.example.hu/jp", TITLE_101, null, null, t);
        post(h, 102, 11, "g102", "https://li.example.cn/p", "Plain", PUBLISHED_102.toEpochMilli(), null, t);
        post(h, 103, 12, "g103", "https://pending-blog.example/p", "Hidden pending post", PUBLISHED_102.toEpochMilli(), null, t);
        long firstReader = PUBLISHED_100.plusSeconds(3600).toEpochMilli();
        long firstReply = PUBLISHED_100.plusSeconds(7200).toEpochMilli();
        h.execute("""
                INSERT INTO post_comments (post_id, source, comments_state, seen_count, reader_comments, official_comments,
                    first_reader_comment_at, first_official_reply_at, reader_comments_answered, checked_at)
                VALUES (100, 'comment_feed', 'open', 3, 2, 1, ?, ?, 1, ?)""", firstReader, firstReply, t);
        comment(h, 1000, 100, "c1", null, firstReader, "Commenter Carol Zyxw", "https://carol-zyxw.example/", 0,
                "decision mentions Carol", t);
        comment(h, 1001, 100, "c2", "c1", firstReply, NAME_1, "https://adam.example.hu/", 1, "author matches", t);
        comment(h, 1002, 100, "c3", null, firstReply + 1000, "Reader Rolf Quux", "mailto:carol@zyxw.example", 0, null, t);
        comment(h, 1003, 103, "c1", null, firstReply, "Commenter Carol Zyxw", null, 0, null, t);

        long day = NOW.minus(Duration.ofDays(2)).toEpochMilli();
        h.execute("""
                INSERT INTO crawl_log (blog_id, at, purpose, url, http_status, bytes, duration_ms, items_seen, new_items)
                VALUES (10, ?, 'feed', 'https://adam.example.hu/feed', 200, 5000, 120, 2, 1)""", day);
        h.execute("""
                INSERT INTO crawl_log (blog_id, at, purpose, url, http_status, bytes, duration_ms, failure_kind, error)
                VALUES (10, ?, 'feed', 'https://adam.example.hu/feed', 503, 100, 80, 'http_error', 'HTTP 503')""", day + 60_000);
        h.execute("""
                INSERT INTO crawl_log (blog_id, at, purpose, url, http_status, bytes, duration_ms)
                VALUES (12, ?, 'feed', 'https://pending-blog.example/feed', 200, 10, 5)""", day);

        // the dormant blog's period read from the archive; the pending blog's read is never exported
        long p0 = Instant.parse("2008-03-03T10:00:00Z").toEpochMilli();
        long p1 = Instant.parse("2008-04-27T18:30:00Z").toEpochMilli();
        h.execute("""
                INSERT INTO archive_read (blog_id, state, reason, requested_at, started_at, finished_at, captures_listed,
                    captures_read, feed_captures, post_pages_read, posts_found, complete, first_post_at, last_post_at,
                    period_days, period_weeks, period_posts, posts_per_week, weeks_with_post, longest_gap_days,
                    median_gap_days, reply_rate, reply_rate_low, reply_rate_high, replies_judged, median_reply_hours,
                    lower_bound, months, months_without_capture, first_feed_capture_at, last_feed_capture_at)
                VALUES (11, 'done', 'ended', ?, ?, ?, 9, 8, 6, 2, 12, 1, ?, ?, 56, 8, 12, 1.5, 7, 9.25, 4.5,
                    0.5, 0.15, 0.85, 4, 6.5, 1, 2, 0, ?, ?)""", t, t, t, p0, p1, p0 + 86_400_000L, p1 + 86_400_000L);
        h.execute("""
                INSERT INTO archive_read (blog_id, state, reason, requested_at, captures_listed)
                VALUES (12, 'requested', 'requested', ?, 0)""", t);

        // the private side
        h.execute("INSERT INTO account (id, username, password_hash, created_at) VALUES (1, 'modalice', ?, ?)", PASSWORD_HASH, t);
        h.execute("INSERT INTO session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, 1, ?, ?, ?)",
                SESSION_HASH, CSRF, t, NOW.plus(Duration.ofDays(1)).toEpochMilli());
        h.execute("""
                INSERT INTO bulk_upload (id, confirm_token_hash, status_token_hash, filename, format, content, defaults,
                    submitter_name, organisation, email, created_at, expires_at)
                VALUES (1, 'confirmhash', 'statuslinkhash77', 'list.csv', 'csv', ?, '{}', 'Bulk Betty Uploader',
                    'Civic Org Xyzzy', 'bulk.betty@example.net', ?, ?)""", new byte[] {0}, t, t);
        h.execute("""
                INSERT INTO submission (id, token_hash, kind, status, name, office, country, level, branch, authorship,
                    sources, identity_key, submitter_name, organisation, email, note, created_at, blog_url, official_id, blog_id)
                VALUES (1, 'subtokenhash', 'new', 'pending', 'Pendingname Zebra', 'Clerk', 'DE', 'local', 'executive',
                    'unknown', 'https://pending-blog.example/about', 'k3', 'Submitter Sam Qwerty', 'Civic Org Xyzzy',
                    'sam.qwerty@example.org', 'a private note to moderators', ?, 'https://pending-blog.example/', 3, 12)""", t);
        h.execute("""
                INSERT INTO audit_log (at, actor, action, subject_type, subject_id, summary, before_json)
                VALUES (?, 'modalice', 'approve', 'submission', 1, 'approved the submission of Sam',
                    '{"email":"sam.qwerty@example.org"}')""", t);
        h.execute("INSERT INTO blog_alias (blog_id, alias) VALUES (10, 'Adi Alias Handle')");
    }

    private static void post(Handle h, long id, long blog, String guid, String url, String title, Long published,
                             Integer reported, long t) {
        h.execute("""
                INSERT INTO post (id, blog_id, guid, url, title, published_at, author_name, reported_comments,
                    first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, 'Ádám', ?, ?, ?)""", id, blog, guid, url, title, published, reported, t, t);
    }

    private static void comment(Handle h, long id, long post, String sourceId, String parent, long at, String author,
                                String ref, int official, String note, long t) {
        h.execute("""
                INSERT INTO comment (id, post_id, source, source_comment_id, parent_source_id, published_at, author_name,
                    author_ref, is_official, decided_by, decision_note, first_seen_at, last_seen_at)
                VALUES (?, ?, 'comment_feed', ?, ?, ?, ?, ?, ?, 'fixture', ?, ?, ?)""",
                id, post, sourceId, parent, at, author, ref, official, note, t, t);
    }
}
