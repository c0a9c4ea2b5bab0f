-- SQLite has date(seconds, 'unixepoch') built in; its PostgreSQL twin (db/postgresql/V14__sqlite_date.sql) defines
-- the same function there. Nothing changes here: the version is kept so both engines' histories read alike.
SELECT 1;
