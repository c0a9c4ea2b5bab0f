-- One row that /health rewrites to learn whether the database can still be written (a read-only file, a full
-- disk and a held lock all show up only on a write).
CREATE TABLE health_probe (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at  INTEGER NOT NULL
);
