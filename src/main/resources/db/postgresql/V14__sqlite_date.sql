-- PostgreSQL twin of db/migration/V14__sqlite_date.sql. SQLite's date(seconds, 'unixepoch'): the UTC day of an
-- epoch-seconds value as YYYY-MM-DD text, so the export queries that group the crawl log by day read the same on
-- both engines. Only the 'unixepoch' modifier is known; any other is refused rather than read wrongly.
CREATE FUNCTION date(seconds BIGINT, modifier TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE STRICT AS $$
    BEGIN
        IF modifier <> 'unixepoch' THEN
            RAISE EXCEPTION 'date(): only the unixepoch modifier is supported, got %', modifier;
        END IF;
        RETURN to_char(to_timestamp(seconds) AT TIME ZONE 'UTC', 'YYYY-MM-DD');
    END
    $$;
