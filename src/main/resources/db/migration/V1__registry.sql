-- The registry: officials, their blogs, and the sources that back each entry.
-- Instants are INTEGER epoch milliseconds (UTC); partial dates are TEXT (YYYY, YYYY-MM or YYYY-MM-DD).

CREATE TABLE official (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    office          TEXT    NOT NULL DEFAULT '',
    country         TEXT    NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
    region          TEXT,
    locality        TEXT,
    level           TEXT    NOT NULL CHECK (level IN ('international', 'national', 'regional', 'local')),
    branch          TEXT    NOT NULL CHECK (branch IN ('executive', 'legislative', 'judicial', 'agency',
                                                       'diplomatic', 'central_bank', 'other')),
    party           TEXT,
    wikidata_id     TEXT    CHECK (wikidata_id IS NULL OR wikidata_id GLOB 'Q[0-9]*'),
    in_office_from  TEXT,
    in_office_to    TEXT,
    -- normalised name + country + office: the same person in the same office is one entry
    identity_key    TEXT    NOT NULL UNIQUE,
    origin          TEXT    NOT NULL CHECK (origin IN ('seed', 'import', 'submission', 'moderator')),
    origin_ref      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX official_country_level ON official (country, level);

CREATE TABLE blog (
    id              INTEGER PRIMARY KEY,
    official_id     INTEGER NOT NULL REFERENCES official (id) ON DELETE CASCADE,
    site_url        TEXT,
    site_url_key    TEXT    UNIQUE,
    feed_url        TEXT,
    feed_url_key    TEXT    UNIQUE,
    platform        TEXT,
    language        TEXT,
    authorship      TEXT    NOT NULL DEFAULT 'unknown' CHECK (authorship IN ('self', 'shared', 'unknown')),
    active_years    TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('lead', 'pending', 'active', 'dormant', 'offline', 'rejected')),
    notes           TEXT,
    origin          TEXT    NOT NULL CHECK (origin IN ('seed', 'import', 'submission', 'moderator')),
    origin_ref      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (status = 'lead' OR site_url IS NOT NULL OR feed_url IS NOT NULL)
);
CREATE INDEX blog_official ON blog (official_id);
CREATE INDEX blog_status ON blog (status);

-- A URL that states the entry (a government page, a news article). blog_id is NULL for the official as a whole.
CREATE TABLE source (
    id              INTEGER PRIMARY KEY,
    official_id     INTEGER NOT NULL REFERENCES official (id) ON DELETE CASCADE,
    blog_id         INTEGER REFERENCES blog (id) ON DELETE CASCADE,
    url             TEXT    NOT NULL,
    origin          TEXT    NOT NULL CHECK (origin IN ('seed', 'import', 'submission', 'moderator')),
    origin_ref      TEXT,
    added_at        INTEGER NOT NULL,
    UNIQUE (official_id, url)
);
CREATE INDEX source_blog ON source (blog_id);
