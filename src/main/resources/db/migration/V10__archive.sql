-- Ended blogs read from a web archive: one read per blog, every capture read as the source of what came from it,
-- what the captures cover month by month, and the figures of the blog's own active period.

-- One row per blog read (or to be read) from the archive. A read that the archive stopped (it asked us to wait)
-- stays 'stopped' with the time it may be asked again; a new read replaces the figures.
CREATE TABLE archive_read (
    blog_id                 INTEGER PRIMARY KEY REFERENCES blog (id) ON DELETE CASCADE,
    state                   TEXT    NOT NULL CHECK (state IN ('requested', 'reading', 'done', 'stopped', 'failed')),
    -- why the blog is read from the archive: its feed is gone, unreachable, its registry entry has ended, or asked
    reason                  TEXT    NOT NULL CHECK (reason IN ('gone', 'unreachable', 'ended', 'requested')),
    requested_at            INTEGER NOT NULL,
    started_at              INTEGER,
    finished_at             INTEGER,
    retry_at                INTEGER,
    captures_listed         INTEGER NOT NULL DEFAULT 0,
    captures_read           INTEGER NOT NULL DEFAULT 0,
    feed_captures           INTEGER NOT NULL DEFAULT 0,
    post_pages_read         INTEGER NOT NULL DEFAULT 0,
    posts_found             INTEGER NOT NULL DEFAULT 0,
    complete                INTEGER NOT NULL DEFAULT 0,
    message                 TEXT,
    -- the active period, first post to last, and its figures (null until a read found a dated post)
    first_post_at           INTEGER,
    last_post_at            INTEGER,
    period_days             INTEGER,
    period_weeks            INTEGER,
    period_posts            INTEGER,
    posts_per_week          REAL,
    weeks_with_post         INTEGER,
    longest_gap_days        REAL,
    median_gap_days         REAL,
    reply_rate              REAL,
    reply_rate_low          REAL,
    reply_rate_high         REAL,
    replies_judged          INTEGER,
    median_reply_hours      REAL,
    -- counts may be short of the truth: a stretch of the period no capture vouches for
    lower_bound             INTEGER NOT NULL DEFAULT 1,
    months                  INTEGER,
    months_without_capture  INTEGER,
    first_feed_capture_at   INTEGER,
    last_feed_capture_at    INTEGER
);
CREATE INDEX archive_read_state ON archive_read (state, retry_at);

-- Every capture fetched: the capture time and captured address are the source of what was read from it.
CREATE TABLE archive_document (
    id                  INTEGER PRIMARY KEY,
    blog_id             INTEGER NOT NULL REFERENCES blog (id) ON DELETE CASCADE,
    capture_timestamp   TEXT    NOT NULL,
    captured_at         INTEGER NOT NULL,
    original_url        TEXT    NOT NULL,
    archive_url         TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('feed', 'post_page')),
    outcome             TEXT    NOT NULL CHECK (outcome IN ('read', 'not_read', 'failed', 'duplicate')),
    items               INTEGER,
    message             TEXT,
    read_at             INTEGER NOT NULL,
    UNIQUE (blog_id, capture_timestamp, original_url)
);
CREATE INDEX archive_document_blog ON archive_document (blog_id, captured_at);

-- Captures per month of a blog's active period.
CREATE TABLE archive_coverage_month (
    blog_id             INTEGER NOT NULL REFERENCES blog (id) ON DELETE CASCADE,
    month               TEXT    NOT NULL,
    captures_listed     INTEGER NOT NULL,
    feed_captures       INTEGER NOT NULL,
    posts_may_be_missing INTEGER NOT NULL,
    PRIMARY KEY (blog_id, month)
);

-- Where a post or comment came from: null is the live site; else the earliest (and for posts the latest) capture
-- that held it.
ALTER TABLE post ADD COLUMN archive_first_document_id INTEGER REFERENCES archive_document (id) ON DELETE SET NULL;
ALTER TABLE post ADD COLUMN archive_last_document_id INTEGER REFERENCES archive_document (id) ON DELETE SET NULL;
ALTER TABLE comment ADD COLUMN archive_document_id INTEGER REFERENCES archive_document (id) ON DELETE SET NULL;
