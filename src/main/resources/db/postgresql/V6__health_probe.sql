-- PostgreSQL twin of db/migration/V6__health_probe.sql: the same tables, columns and constraints; only the types
-- and expressions SQLite and PostgreSQL spell differently are changed (identity keys, BIGINT epoch milliseconds,
-- DOUBLE PRECISION, BYTEA, regular expressions for GLOB).
-- One row that /health rewrites to learn whether the database can still be written (a read-only file, a full
-- disk and a held lock all show up only on a write).
CREATE TABLE health_probe (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at  BIGINT  NOT NULL
);
