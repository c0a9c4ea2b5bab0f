-- Submissions from civic groups, moderator accounts and their sessions, the moderators' audit log, and the
-- names an official replies under (for reply detection). Instants are INTEGER epoch milliseconds (UTC).
-- Secrets (session tokens, status-link tokens) are stored only as their SHA-256 (hex): a copy of the database
-- does not let anyone log in or read a submitter's status page.

CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 2 AND 40),
    -- Argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
    password_hash   TEXT    NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at      INTEGER NOT NULL,
    last_login_at   INTEGER
);

CREATE TABLE session (
    token_hash      TEXT    PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- every form a moderator posts carries this token; a form from another site cannot know it
    csrf_token      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX session_account ON session (account_id);
CREATE INDEX session_expiry ON session (expires_at);

-- A bulk upload between its dry run and its commit: the file is kept (not the parsed rows) so the commit
-- checks every row again against the registry as it is then.
CREATE TABLE bulk_upload (
    id                  INTEGER PRIMARY KEY,
    confirm_token_hash  TEXT    NOT NULL UNIQUE,
    -- set at commit: the private status link of the whole batch
    status_token_hash   TEXT    UNIQUE,
    filename            TEXT    NOT NULL,
    format              TEXT    NOT NULL CHECK (format IN ('csv', 'opml')),
    content             BLOB    NOT NULL,
    -- JSON object: the shared country, level, branch, office and evidence URL given for OPML rows
    defaults            TEXT    NOT NULL,
    submitter_name      TEXT    NOT NULL,
    organisation        TEXT,
    email               TEXT,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    committed_at        INTEGER
);

CREATE TABLE submission (
    id                  INTEGER PRIMARY KEY,
    -- the private status link; NULL for the rows of a bulk upload, whose batch has one link
    token_hash          TEXT    UNIQUE,
    bulk_upload_id      INTEGER REFERENCES bulk_upload (id) ON DELETE CASCADE,
    bulk_line           INTEGER,
    -- new: a blog (and maybe an official) to add; evidence: more sources for a listed official (official_id)
    kind                TEXT    NOT NULL CHECK (kind IN ('new', 'evidence')),
    status              TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    -- the proposed entry, in the registry CSV's columns (see seed/README.md)
    name                TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    office              TEXT    NOT NULL DEFAULT '',
    country             TEXT    NOT NULL,
    region              TEXT,
    locality            TEXT,
    level               TEXT    NOT NULL,
    branch              TEXT    NOT NULL,
    party               TEXT,
    wikidata_id         TEXT,
    in_office_from      TEXT,
    in_office_to        TEXT,
    blog_url            TEXT,
    feed_url            TEXT,
    platform            TEXT,
    language            TEXT,
    authorship          TEXT    NOT NULL DEFAULT 'unknown',
    active_years        TEXT,
    -- the evidence: URLs separated by ' ; ' as in the CSV
    sources             TEXT    NOT NULL,
    notes               TEXT,
    -- comparison keys for duplicate detection (UrlNormalizer, RegistryEntry.identityKey)
    identity_key        TEXT    NOT NULL,
    blog_url_key        TEXT,
    feed_url_key        TEXT,
    submitter_name      TEXT    NOT NULL,
    organisation        TEXT,
    email               TEXT,
    note                TEXT,
    -- what the feed check found when it was submitted
    preview_feed_url    TEXT,
    preview_feed_key    TEXT,
    preview_platform    TEXT,
    preview_post_count  INTEGER,
    preview_latest_post_at INTEGER,
    preview_message     TEXT,
    created_at          INTEGER NOT NULL,
    -- the decision
    decided_at          INTEGER,
    decided_by          TEXT,
    reject_reason       TEXT,
    official_id         INTEGER REFERENCES official (id) ON DELETE SET NULL,
    blog_id             INTEGER REFERENCES blog (id) ON DELETE SET NULL,
    CHECK (status != 'rejected' OR length(trim(reject_reason)) > 0),
    CHECK (status = 'pending' OR decided_at IS NOT NULL)
);
CREATE INDEX submission_status ON submission (status, created_at);
CREATE INDEX submission_blog_url_key ON submission (blog_url_key);
CREATE INDEX submission_feed_url_key ON submission (feed_url_key);
CREATE INDEX submission_preview_feed_key ON submission (preview_feed_key);
CREATE INDEX submission_identity_key ON submission (identity_key);
CREATE INDEX submission_bulk ON submission (bulk_upload_id);

-- Every moderator action: who, what, when, and JSON snapshots of the record before and after.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    subject_type    TEXT    NOT NULL,
    subject_id      INTEGER,
    summary         TEXT    NOT NULL,
    before_json     TEXT,
    after_json      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);

-- Names and handles an official answers comments under on one blog ("Ann", "Mayor Ann", "ann_example"),
-- so the reply detector can tell the official's replies from readers' comments.
CREATE TABLE blog_alias (
    blog_id         INTEGER NOT NULL REFERENCES blog (id) ON DELETE CASCADE,
    alias           TEXT    NOT NULL COLLATE NOCASE CHECK (length(trim(alias)) > 0 AND length(alias) <= 200),
    PRIMARY KEY (blog_id, alias)
);
