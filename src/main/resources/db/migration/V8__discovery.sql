-- Discovery: candidates for the registry found in open data (Wikidata, Popolo files), each checked by the crawler
-- and decided by a moderator; and Wikidata ids proposed for officials already listed.
-- Instants are INTEGER epoch milliseconds (UTC); partial dates are TEXT (YYYY, YYYY-MM or YYYY-MM-DD).

-- One run of `discover wikidata` or `discover popolo`: what was asked, and what came of it.
CREATE TABLE discovery_run (
    id              INTEGER PRIMARY KEY,
    source          TEXT    NOT NULL CHECK (source IN ('wikidata', 'popolo')),
    -- what was read: "Wikidata Query Service <endpoint>: DE, FR" or the Popolo file's name or URL
    source_ref      TEXT    NOT NULL,
    -- the options as given, JSON
    parameters      TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    -- the summary line, once the run ended; the failure, when it could not finish
    summary         TEXT,
    failure         TEXT
);

-- One proposed blog of one person. The same person (Wikidata id, else normalised name + office + country) and the
-- same normalised address are one candidate however often a discovery finds them.
CREATE TABLE candidate (
    id              INTEGER PRIMARY KEY,
    person_key      TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    url_key         TEXT    NOT NULL,
    -- how the source names the address: an own blog (P1581, Popolo blog), a feed (P1019, Popolo rss), a website
    link_kind       TEXT    NOT NULL CHECK (link_kind IN ('blog', 'feed', 'website')),
    -- a feed the source gives for the same blog (Wikidata P1019 beside P1581)
    feed_hint       TEXT,
    source          TEXT    NOT NULL CHECK (source IN ('wikidata', 'popolo')),
    -- public pages that state the person and the address (the Wikidata item, the Popolo file or its sources),
    -- separated by ' ; ' as in the registry CSV
    source_urls     TEXT    NOT NULL,
    -- the Popolo file's name when it was read from disk
    source_file     TEXT,
    wikidata_id     TEXT    CHECK (wikidata_id IS NULL OR wikidata_id GLOB 'Q[0-9]*'),
    name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    office          TEXT    NOT NULL DEFAULT '',
    country         TEXT    NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
    region          TEXT,
    level           TEXT    NOT NULL CHECK (level IN ('international', 'national', 'regional', 'local')),
    branch          TEXT    NOT NULL CHECK (branch IN ('executive', 'legislative', 'judicial', 'agency',
                                                       'diplomatic', 'central_bank', 'other')),
    position_id     TEXT,
    -- 0: the position is not in the position table, so level and branch are a guess a moderator must confirm
    position_known  INTEGER NOT NULL CHECK (position_known IN (0, 1)),
    other_positions TEXT,
    party           TEXT,
    in_office_from  TEXT,
    in_office_to    TEXT,
    language        TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'listed')),
    -- the check: when, how it ended (a feed, no feed, a failure), and what it found
    checked_at      INTEGER,
    check_outcome   TEXT    CHECK (check_outcome IS NULL OR check_outcome IN ('feed', 'no_feed', 'failed')),
    check_message   TEXT,
    failure_kind    TEXT,
    feed_url        TEXT,
    blog_url        TEXT,
    platform        TEXT,
    -- how the feed was found: the address itself, the page's feed link, a well-known path, a blog link on the site
    found_via       TEXT,
    posts_in_feed   INTEGER,
    posts_90d       INTEGER,
    latest_post_at  INTEGER,
    byline          TEXT    CHECK (byline IS NULL OR byline IN ('named', 'other', 'none')),
    byline_sample   TEXT,
    comments        TEXT    CHECK (comments IS NULL OR comments IN ('open', 'closed', 'unknown')),
    -- 0 unchecked, 1 no feed, 2 a feed without posts in 90 days, 3 a website's news feed, 4 a feed whose posts
    -- name the official, 5 the person's own blog with recent posts (see discover.EvidenceStrength)
    strength        INTEGER NOT NULL DEFAULT 0 CHECK (strength BETWEEN 0 AND 5),
    -- the decision
    decided_at      INTEGER,
    decided_by      TEXT,
    reject_reason   TEXT,
    -- the evidence when it was rejected: it is proposed again only when stronger evidence comes
    rejected_strength INTEGER,
    rejected_feed_key TEXT,
    official_id     INTEGER REFERENCES official (id) ON DELETE SET NULL,
    blog_id         INTEGER REFERENCES blog (id) ON DELETE SET NULL,
    first_run_id    INTEGER NOT NULL REFERENCES discovery_run (id),
    last_run_id     INTEGER NOT NULL REFERENCES discovery_run (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (person_key, url_key),
    CHECK (status != 'rejected' OR length(trim(reject_reason)) > 0)
);
CREATE INDEX candidate_review ON candidate (status, strength DESC, posts_90d DESC, id);
CREATE INDEX candidate_url_key ON candidate (url_key);
CREATE INDEX candidate_country ON candidate (country, level);
CREATE INDEX candidate_last_run ON candidate (last_run_id);

-- Wikidata items that may be a listed official (`enrich wikidata`): a moderator picks one when several match.
CREATE TABLE wikidata_match (
    official_id     INTEGER NOT NULL REFERENCES official (id) ON DELETE CASCADE,
    wikidata_id     TEXT    NOT NULL CHECK (wikidata_id GLOB 'Q[0-9]*'),
    label           TEXT    NOT NULL,
    description     TEXT,
    -- the positions the item holds, as the query service labels them, separated by ' ; '
    positions       TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('proposed', 'accepted', 'dismissed')),
    proposed_at     INTEGER NOT NULL,
    decided_at      INTEGER,
    decided_by      TEXT,
    PRIMARY KEY (official_id, wikidata_id)
);
CREATE INDEX wikidata_match_status ON wikidata_match (status, official_id);
