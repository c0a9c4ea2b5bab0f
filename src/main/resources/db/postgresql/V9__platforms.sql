-- PostgreSQL twin of db/migration/V9__platforms.sql: the same tables, columns and constraints; only the types
-- and expressions SQLite and PostgreSQL spell differently are changed (identity keys, BIGINT epoch milliseconds,
-- DOUBLE PRECISION).
-- Where each blog's comments live and whether its replies can be measured.
-- One row per blog once a post page has been examined: the platform and comment service found there (with the clue
-- that decided each), the settings that locate the blog's comments on that service, the source that last worked
-- (so later checks go straight to it), and the replies-measurable verdict with its reason in words.
-- Instants are INTEGER epoch milliseconds (UTC).

CREATE TABLE blog_comment_system (
    blog_id             BIGINT  PRIMARY KEY REFERENCES blog (id) ON DELETE CASCADE,
    -- the blog platform as the post page shows it (wordpress, substack, ghost, medium, ...) and the clue
    platform            TEXT,
    platform_evidence   TEXT,
    -- where the comments live: page_markup, wordpress_rest, substack, ghost, isso, remark42, commento, giscus,
    -- utterances, medium, disqus, facebook, hyvor
    service             TEXT    NOT NULL,
    service_evidence    TEXT    NOT NULL,
    -- what locates the blog's comments on the service (API root, site id, repository...), JSON object of strings
    settings            TEXT    NOT NULL DEFAULT '{}',
    -- the comment source (a comment source kind, e.g. substack_api) whose last reading worked; NULL until one did
    working_source      TEXT,
    working_since       BIGINT ,
    replies_measurable  TEXT    NOT NULL CHECK (replies_measurable IN
                            ('measurable', 'not_on_platform', 'service_not_measured', 'not_readable')),
    -- the verdict in words for people ("Disqus lets only the site owner's key read its comments.")
    replies_reason      TEXT    NOT NULL,
    -- the signal by which the official's own comments were last recognised on this blog (an authorship signal
    -- code such as post_byline_account or account_id_match) and what it matched ("WordPress user id 3")
    official_signal     TEXT,
    official_signal_detail TEXT,
    detected_at         BIGINT  NOT NULL,
    checked_at          BIGINT 
);
CREATE INDEX blog_comment_system_measurable ON blog_comment_system (replies_measurable);

-- The verdict as the score, the ranking, the profile and the exports use it: 'measurable' for a blog whose replies
-- are read (from its pages and comment feeds, or a comment service's public API); otherwise why not, in words.
ALTER TABLE blog_metrics ADD COLUMN replies_measurable TEXT NOT NULL DEFAULT 'measurable'
    CHECK (replies_measurable IN ('measurable', 'not_on_platform', 'service_not_measured', 'not_readable'));
ALTER TABLE blog_metrics ADD COLUMN replies_reason TEXT;
