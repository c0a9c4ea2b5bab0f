-- PostgreSQL twin of db/migration/V7__listed_blogs.sql: the same tables, columns and constraints; only the types
-- and expressions SQLite and PostgreSQL spell differently are changed (identity keys, BIGINT epoch milliseconds,
-- DOUBLE PRECISION, BYTEA, regular expressions for GLOB).
-- The two sets of blogs that most queries start from, defined once (the registry's ListingStatus says the same in
-- Java). SQLite flattens a view like these into the query that uses it, so the indexes of blog serve as before.

-- Listed: public, measured and exported. Every registry status but pending and rejected: a lead has no address
-- yet, but it and its official are listed.
CREATE VIEW listed_blog AS
    SELECT * FROM blog WHERE status IN ('lead', 'active', 'dormant', 'offline');

-- Crawlable: the listed blogs that have an address, which the crawler reads and whose posts the pages show.
CREATE VIEW crawlable_blog AS
    SELECT * FROM blog WHERE status IN ('active', 'dormant', 'offline');
