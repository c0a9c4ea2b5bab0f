-- PostgreSQL twin of db/migration/V4__metrics.sql: the same tables, columns and constraints; only the types
-- and expressions SQLite and PostgreSQL spell differently are changed (identity keys, BIGINT epoch milliseconds,
-- DOUBLE PRECISION, BYTEA, regular expressions for GLOB).
-- Metrics: the latest computed measurements, score and rank of every listed blog, and a daily history.
-- Written only by MetricsService (after each crawl of a blog, and nightly for all); read by the public pages.

-- One row per listed blog (registry status lead, active, dormant or offline). The rankings page reads only this
-- table (joined to blog and official for display), so everything it filters or sorts on is stored here, with an
-- index per sort order. country, level, branch and the *_key columns are copies of the official's fields (folded
-- for sorting and search), refreshed by every recompute.
CREATE TABLE blog_metrics (
    blog_id                     BIGINT  PRIMARY KEY REFERENCES blog (id) ON DELETE CASCADE,
    official_id                 BIGINT  NOT NULL REFERENCES official (id) ON DELETE CASCADE,
    computed_at                 BIGINT  NOT NULL,
    status                      TEXT    NOT NULL CHECK (status IN ('active', 'slowing', 'dormant', 'unreachable',
                                                                   'offline', 'lead', 'no_data')),
    -- 1: ACTIVE or SLOWING, in the ranking; 0: dormant and historical blogs, listed apart
    ranked                      INTEGER NOT NULL CHECK (ranked IN (0, 1)),
    -- status in the order the historical list shows them (dormant, unreachable, offline, no data, lead)
    status_order                INTEGER NOT NULL,

    country                     TEXT    NOT NULL,
    level                       TEXT    NOT NULL,
    branch                      TEXT    NOT NULL,
    name_key                    TEXT    NOT NULL,
    office_key                  TEXT    NOT NULL,
    jurisdiction_key            TEXT    NOT NULL,

    -- posting frequency (PostingMetrics)
    posts_last_7_days           INTEGER NOT NULL,
    posts_last_30_days          INTEGER NOT NULL,
    posts_last_90_days          INTEGER NOT NULL,
    posts_last_365_days         INTEGER NOT NULL,
    posts_per_week              DOUBLE PRECISION    NOT NULL,
    weeks_with_post_12          INTEGER NOT NULL,
    weeks_with_post_52          INTEGER NOT NULL,
    -- posts per rolling week, oldest first, comma-separated (12 and 52 numbers)
    strip_12                    TEXT    NOT NULL,
    strip_52                    TEXT    NOT NULL,
    last_post_at                BIGINT ,
    days_since_last_post        INTEGER,
    median_gap_days             DOUBLE PRECISION,
    longest_gap_days            DOUBLE PRECISION,
    undated_ignored             INTEGER NOT NULL,
    future_ignored              INTEGER NOT NULL,

    -- responsiveness (ResponsivenessMetrics)
    judged_posts                INTEGER NOT NULL,
    posts_too_recent            INTEGER NOT NULL,
    judged_with_comments        INTEGER NOT NULL,
    judged_replied              INTEGER NOT NULL,
    reply_rate                  DOUBLE PRECISION,
    reply_rate_low              DOUBLE PRECISION    NOT NULL,
    reply_rate_high             DOUBLE PRECISION    NOT NULL,
    -- the reply rate as shown and sorted on: NULL while there is not enough data yet or comments are all closed
    reply_rate_shown            DOUBLE PRECISION,
    median_reply_seconds        INTEGER,
    reader_comments             INTEGER NOT NULL,
    reader_comments_answered    INTEGER NOT NULL,
    judged_known_state          INTEGER NOT NULL,
    judged_comments_open        INTEGER NOT NULL,

    -- the score (Score) and its four parts (ScoreComponent): value in [0, 1], points, the arithmetic in words
    score                       DOUBLE PRECISION    NOT NULL,
    score_exact                 DOUBLE PRECISION    NOT NULL,
    consistency_value           DOUBLE PRECISION    NOT NULL,
    consistency_points          DOUBLE PRECISION    NOT NULL,
    consistency_text            TEXT    NOT NULL,
    responsiveness_value        DOUBLE PRECISION    NOT NULL,
    responsiveness_points       DOUBLE PRECISION    NOT NULL,
    responsiveness_text         TEXT    NOT NULL,
    recency_value               DOUBLE PRECISION    NOT NULL,
    recency_points              DOUBLE PRECISION    NOT NULL,
    recency_text                TEXT    NOT NULL,
    volume_value                DOUBLE PRECISION    NOT NULL,
    volume_points               DOUBLE PRECISION    NOT NULL,
    volume_text                 TEXT    NOT NULL,
    not_enough_data             INTEGER NOT NULL CHECK (not_enough_data IN (0, 1)),
    -- the comments-closed rule changed responsiveness (comments closed on some judged posts)
    comments_closed             INTEGER NOT NULL CHECK (comments_closed IN (0, 1)),

    -- the ranking: rank (competition rank, shared on equal scores) only for ranked blogs; position orders every
    -- row (ranked first by score, then the others by status and last post) and is the last tie-break of each sort
    rank                        INTEGER,
    position                    INTEGER NOT NULL,
    previous_rank               INTEGER,
    movement                    TEXT    CHECK (movement IN ('up', 'down', 'same', 'new')),
    movement_places             INTEGER,
    -- places gained (negative: lost) since the previous day's ranking; NULL for a new or unranked blog
    movement_sort               INTEGER
);

-- Default order and the filters (equality first, then the order).
CREATE INDEX blog_metrics_position     ON blog_metrics (ranked, position, country, level, branch, status);
CREATE INDEX blog_metrics_country      ON blog_metrics (ranked, country, position);
CREATE INDEX blog_metrics_level        ON blog_metrics (ranked, level, position);
CREATE INDEX blog_metrics_branch       ON blog_metrics (ranked, branch, position);
CREATE INDEX blog_metrics_status       ON blog_metrics (ranked, status, position);
CREATE INDEX blog_metrics_official     ON blog_metrics (official_id);
-- One index per sort order; the filter columns trail so a filtered, sorted page is read from the index alone.
-- Ties are always broken by position (rank order), in both directions; missing values sort last in both.
CREATE INDEX blog_metrics_name_asc     ON blog_metrics (ranked, name_key, position, country, level, branch, status);
CREATE INDEX blog_metrics_name_desc    ON blog_metrics (ranked, name_key DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_office_asc   ON blog_metrics (ranked, office_key, position, country, level, branch, status);
CREATE INDEX blog_metrics_office_desc  ON blog_metrics (ranked, office_key DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_juris_asc    ON blog_metrics (ranked, jurisdiction_key, position, country, level, branch, status);
CREATE INDEX blog_metrics_juris_desc   ON blog_metrics (ranked, jurisdiction_key DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_ppw_asc      ON blog_metrics (ranked, posts_per_week, position, country, level, branch, status);
CREATE INDEX blog_metrics_ppw_desc     ON blog_metrics (ranked, posts_per_week DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_weeks_asc    ON blog_metrics (ranked, weeks_with_post_12, position, country, level, branch, status);
CREATE INDEX blog_metrics_weeks_desc   ON blog_metrics (ranked, weeks_with_post_12 DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_reply_asc    ON blog_metrics (ranked, (reply_rate_shown IS NULL), reply_rate_shown, position, country, level, branch, status);
CREATE INDEX blog_metrics_reply_desc   ON blog_metrics (ranked, (reply_rate_shown IS NULL), reply_rate_shown DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_delay_asc    ON blog_metrics (ranked, (median_reply_seconds IS NULL), median_reply_seconds, position, country, level, branch, status);
CREATE INDEX blog_metrics_delay_desc   ON blog_metrics (ranked, (median_reply_seconds IS NULL), median_reply_seconds DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_last_asc     ON blog_metrics (ranked, (last_post_at IS NULL), last_post_at, position, country, level, branch, status);
CREATE INDEX blog_metrics_last_desc    ON blog_metrics (ranked, (last_post_at IS NULL), last_post_at DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_move_asc     ON blog_metrics (ranked, (movement_sort IS NULL), movement_sort, position, country, level, branch, status);
CREATE INDEX blog_metrics_move_desc    ON blog_metrics (ranked, (movement_sort IS NULL), movement_sort DESC, position, country, level, branch, status);
CREATE INDEX blog_metrics_status_asc   ON blog_metrics (ranked, status_order, position, country, level, branch, status);
CREATE INDEX blog_metrics_status_desc  ON blog_metrics (ranked, status_order DESC, position, country, level, branch, status);

-- One row per blog and day (the local date in the metrics' zone): the headline numbers and the rank as last
-- computed that day. Re-running a recompute the same day replaces the day's row. Movement compares a day's ranks
-- with the latest earlier day's.
CREATE TABLE metrics_snapshot (
    blog_id                 BIGINT  NOT NULL REFERENCES blog (id) ON DELETE CASCADE,
    day                     TEXT    NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    computed_at             BIGINT  NOT NULL,
    status                  TEXT    NOT NULL,
    posts_last_90_days      INTEGER NOT NULL,
    posts_per_week          DOUBLE PRECISION    NOT NULL,
    weeks_with_post_12      INTEGER NOT NULL,
    judged_with_comments    INTEGER NOT NULL,
    reply_rate              DOUBLE PRECISION,
    median_reply_seconds    INTEGER,
    score                   DOUBLE PRECISION    NOT NULL,
    rank                    INTEGER,
    PRIMARY KEY (blog_id, day)
);
CREATE INDEX metrics_snapshot_day ON metrics_snapshot (day, rank);

-- How many blogs each list holds, in all and per value of each filter, refreshed with blog_metrics in the same
-- transaction: the rankings page reads its tab counts, its country options and (for a single filter) its total here
-- instead of counting thousands of index entries on every request. field 'all' has value ''.
CREATE TABLE metrics_facet (
    ranked      INTEGER NOT NULL CHECK (ranked IN (0, 1)),
    field       TEXT    NOT NULL CHECK (field IN ('all', 'country', 'level', 'branch', 'status')),
    value       TEXT    NOT NULL,
    blogs       INTEGER NOT NULL,
    PRIMARY KEY (ranked, field, value)
);

-- The "new blogs" feed lists blogs by the time they were added to the registry.
CREATE INDEX blog_created ON blog (created_at);
