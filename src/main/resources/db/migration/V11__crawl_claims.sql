-- Claims: which process is crawling a blog, and which one may send requests to a host, each until its lease ends.
-- With one process (SQLite) they keep a `crawl` command and `serve` on the same file from crawling one blog or
-- one host at once; with several machines (PostgreSQL) they share the crawl between nodes. A node that dies
-- stops renewing its leases; when they end, its blogs and hosts are claimed by another node.
-- Instants are INTEGER epoch milliseconds (UTC).

-- the node crawling the blog now (host name and process id) and until when its claim holds unless renewed
ALTER TABLE crawl_state ADD COLUMN claimed_by TEXT;
ALTER TABLE crawl_state ADD COLUMN claim_until INTEGER;

-- One node at a time sends requests to a host; after its last blog there, the claim is kept for the host delay,
-- so the next node to take the host waits as long as the delay asks.
CREATE TABLE host_claim (
    host            TEXT    PRIMARY KEY,
    node            TEXT    NOT NULL,
    claim_until     INTEGER NOT NULL
);
