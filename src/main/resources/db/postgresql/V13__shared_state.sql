-- PostgreSQL twin of db/migration/V13__shared_state.sql: the same tables, columns and constraints; only the types
-- and expressions SQLite and PostgreSQL spell differently are changed (identity keys, BIGINT epoch milliseconds,
-- DOUBLE PRECISION, BYTEA, regular expressions for GLOB).
-- State that every web node must see alike, kept in the database instead of each process's memory.

-- Rate limits (login attempts, submissions, read API requests): one row per limit and key (a client address, or a
-- user name and address), counting the events of the window that the key's first counted event opened. A node
-- counts an event and learns the new count in one statement (an upsert returning the row), so of many attempts
-- racing on any nodes exactly those within the limit pass. Rows whose window has ended are purged as the limiters
-- go.
CREATE TABLE rate_limit (
    name          TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    window_start  BIGINT  NOT NULL,
    events        INTEGER NOT NULL,
    PRIMARY KEY (name, subject)
);
CREATE INDEX rate_limit_window ON rate_limit (name, window_start);

-- What the pages show changes with this number: it is raised in the same transaction as every write to what they
-- show (the metrics recompute, registry edits, approvals and imports), so a node that keeps rendered pages knows
-- when another node's writes have made them stale.
CREATE TABLE data_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
