-- Comments on posts, and per post what they say about the official's replies.
-- Commenters are private people: author_name and author_ref are kept only to decide authorship and are never
-- exported or shown.

CREATE TABLE comment (
    id                  INTEGER PRIMARY KEY,
    post_id             INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    source              TEXT    NOT NULL,
    source_comment_id   TEXT    NOT NULL,
    parent_source_id    TEXT,
    published_at        INTEGER,
    author_name         TEXT,
    author_ref          TEXT,
    platform_flags      TEXT,
    is_official         INTEGER NOT NULL DEFAULT 0,
    decided_by          TEXT    NOT NULL,
    decision_note       TEXT,
    first_seen_at       INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    UNIQUE (post_id, source, source_comment_id)
);
CREATE INDEX comment_post ON comment (post_id, published_at);

-- One row per post whose comments we collect: where from, the state seen, and the reply facts the metrics read.
CREATE TABLE post_comments (
    post_id                     INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    source                      TEXT,
    comments_state              TEXT    NOT NULL DEFAULT 'unknown' CHECK (comments_state IN ('open', 'closed', 'unknown')),
    reported_count              INTEGER,
    seen_count                  INTEGER NOT NULL DEFAULT 0,
    reader_comments             INTEGER NOT NULL DEFAULT 0,
    official_comments           INTEGER NOT NULL DEFAULT 0,
    first_reader_comment_at     INTEGER,
    first_official_reply_at     INTEGER,
    reader_comments_answered    INTEGER NOT NULL DEFAULT 0,
    truncated                   INTEGER NOT NULL DEFAULT 0,
    checked_at                  INTEGER,
    next_check_at               INTEGER,
    etag                        TEXT,
    last_modified               TEXT,
    failure_kind                TEXT,
    failure_message             TEXT
);
CREATE INDEX post_comments_next ON post_comments (next_check_at);
