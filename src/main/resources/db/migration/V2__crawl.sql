-- The crawler: each blog's schedule and health, the posts it has read, and a log of every attempt.

-- One row per crawlable blog. The schedule lives here, so a crash or restart loses nothing.
CREATE TABLE crawl_state (
    blog_id                 INTEGER PRIMARY KEY REFERENCES blog (id) ON DELETE CASCADE,
    next_attempt_at         INTEGER NOT NULL,
    last_attempt_at         INTEGER,
    last_success_at         INTEGER,
    last_http_status        INTEGER,
    etag                    TEXT,
    last_modified           TEXT,
    failure_kind            TEXT,
    failure_message         TEXT,
    consecutive_failures    INTEGER NOT NULL DEFAULT 0,
    failing_since           INTEGER,
    unreachable             INTEGER NOT NULL DEFAULT 0,
    backfill_done           INTEGER NOT NULL DEFAULT 0,
    -- a permanent redirect seen on consecutive crawls; the feed URL is rewritten after enough of them
    redirect_target         TEXT,
    redirect_count          INTEGER NOT NULL DEFAULT 0,
    ttl_minutes             INTEGER,
    feed_title              TEXT,
    feed_format             TEXT,
    interval_seconds        INTEGER,
    posts_seen_last         INTEGER
);
CREATE INDEX crawl_state_due ON crawl_state (next_attempt_at);

CREATE TABLE post (
    id                  INTEGER PRIMARY KEY,
    blog_id             INTEGER NOT NULL REFERENCES blog (id) ON DELETE CASCADE,
    guid                TEXT    NOT NULL,
    url                 TEXT,
    title               TEXT,
    published_at        INTEGER,
    updated_at          INTEGER,
    author_name         TEXT,
    author_uri          TEXT,
    summary             TEXT,
    comments_url        TEXT,
    comment_feed_url    TEXT,
    replies_url         TEXT,
    platform_post_id    TEXT,
    reported_comments   INTEGER,
    first_seen_at       INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    UNIQUE (blog_id, guid)
);
CREATE INDEX post_blog_published ON post (blog_id, published_at);
CREATE INDEX post_published ON post (published_at);

-- Every fetch: the feed, discovery, history pages, robots.txt, comment sources.
CREATE TABLE crawl_log (
    id              INTEGER PRIMARY KEY,
    blog_id         INTEGER REFERENCES blog (id) ON DELETE SET NULL,
    at              INTEGER NOT NULL,
    purpose         TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    http_status     INTEGER,
    bytes           INTEGER,
    duration_ms     INTEGER,
    items_seen      INTEGER,
    new_items       INTEGER,
    failure_kind    TEXT,
    error           TEXT
);
CREATE INDEX crawl_log_blog_at ON crawl_log (blog_id, at);
CREATE INDEX crawl_log_at ON crawl_log (at);
