#!/usr/bin/env python3
"""Build seed/officials.csv from the two seed-research files, then validate it.

Standard library only. Usage (from the repository root):

    python3 seed/build_seed.py                   # rebuild seed/officials.csv and validate it
    python3 seed/build_seed.py --research DIR    # research files in DIR (officials.csv, officials-current.csv)
    python3 seed/build_seed.py --check           # only validate the committed seed/officials.csv
    python3 seed/build_seed.py --extra DIR       # in-repository research files elsewhere (default seed/research)

Generic rules (country codes, level, branch, platform, language, locality) are functions below; the
judgements that a rule cannot make are per-official tables (PARTY, TENURE, ...), each entry taken from the
text of the research row it names. See seed/README.md for the meaning of every column.
"""

import argparse
import csv
import io
import os
import re
import sys
from collections import Counter, OrderedDict
from urllib.parse import urlsplit

COLUMNS = [
    "name", "office", "country", "region", "locality", "level", "branch", "party", "wikidata_id",
    "in_office_from", "in_office_to", "blog_url", "feed_url", "platform", "language", "authorship",
    "active_years", "sources", "notes",
]
RESEARCH_COLUMNS = ["name", "office", "country", "region", "level", "blog_url", "feed_url", "active_years", "source"]
RESEARCH_FILES = ["officials.csv", "officials-current.csv"]

# In-repository research (seed/research/): new rows already in the seed's vocabulary (codes, not names), and
# facts about rows the seed already has (Wikidata ids, a recent post). See seed/README.md.
NEW_ROW_COLUMNS = [
    "name", "office", "country", "region", "locality", "level", "branch", "party", "wikidata_id", "wikidata_source",
    "blog_url", "feed_url", "platform", "language", "authorship", "active_years", "latest_post_url",
    "latest_post_date", "source", "notes",
]
EXISTING_COLUMNS = ["blog_url", "name", "wikidata_id", "wikidata_source", "latest_post_url", "latest_post_date",
                    "source", "notes"]
EXISTING_SUFFIX = "-existing.csv"
# A blog is "current" when a post dated on or after this day is among its sources.
CURRENT_SINCE = "2024"
LATEST_POST_NOTE = re.compile(r"latest post seen (\d{4}(?:-\d{2}){0,2})")
WIKIDATA_ID = re.compile(r"Q[1-9]\d*")

# ISO 3166-1 alpha-2, for the countries the research names and a few neighbours. "EU" is ISO's
# exceptionally reserved code for the European Union, used here for EU institutions.
COUNTRY_CODES = OrderedDict([
    ("Australia", "AU"), ("Austria", "AT"), ("Belgium", "BE"), ("Canada", "CA"), ("China", "CN"),
    ("Denmark", "DK"), ("Estonia", "EE"), ("European Union", "EU"), ("Finland", "FI"), ("France", "FR"),
    ("Germany", "DE"), ("India", "IN"), ("Iran", "IR"), ("Ireland", "IE"), ("Italy", "IT"), ("Japan", "JP"),
    ("Malaysia", "MY"), ("Netherlands", "NL"), ("New Zealand", "NZ"), ("Nigeria", "NG"), ("Norway", "NO"),
    ("Russia", "RU"), ("Singapore", "SG"), ("South Korea", "KR"), ("Spain", "ES"), ("Sweden", "SE"),
    ("Switzerland", "CH"), ("United Kingdom", "GB"), ("United States", "US"),
])
# Every ISO 3166-1 alpha-2 code (the application accepts the same set), plus EU.
ISO_COUNTRY_CODES = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC
CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE
GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH
SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG
VI VN VU WF WS YE YT ZA ZM ZW EU
""".split())
LEVELS = ["international", "national", "regional", "local"]
BRANCHES = ["executive", "legislative", "judicial", "agency", "diplomatic", "central_bank", "other"]
PLATFORMS = ["wordpress", "blogger", "medium", "substack", "typepad", "ghost", "tumblr", "drupal", "other"]
AUTHORSHIPS = ["self", "shared", "unknown"]
SOURCE_SEPARATOR = " ; "

# Language of the blog when the country has one language its officials blog in; others are per row.
COUNTRY_LANGUAGE = {
    "US": "en", "GB": "en", "CA": "en", "AU": "en", "NZ": "en", "NG": "en", "SG": "en",
    "FR": "fr", "DE": "de", "FI": "fi", "SE": "sv", "RU": "ru", "JP": "ja", "CN": "zh", "NL": "nl",
}

# --- Per-official judgements, each from the research row's own text ---------------------------------

# Party, only where the row states it (in the office text).
PARTY = {
    "Tom Watson": "Labour", "Richard Allan": "Liberal Democrat", "Tom Harris": "Labour",
    "Kerry McCarthy": "Labour", "Lynne Featherstone": "Liberal Democrat", "John Redwood": "Conservative",
    "Douglas Carswell": "Conservative, then UKIP", "Pierre Bédier": "UMP", "Frédéric Dutoit": "PCF",
    "Didier Hacquart": "PS", "Fabrice Rousseau": "UMP", "L. K. Advani": "BJP", "Lim Kit Siang": "DAP",
    "Andrew Bartlett": "Australian Democrats", "Trevor Mallard": "Labour", "Danny Kruger": "Conservative",
    "Ronnie Cowan": "SNP", "Roger Gale": "Conservative", "Damian Boeselager": "Volt",
    "Kaisa Juuso": "Finns Party", "Mirka Soinikoski": "Greens", "Jan Ericson": "Moderates",
    "Brian Nickholz": "SPD", "Pritam Singh": "Workers' Party", "Derek O'Brien": "Trinamool Congress",
    "Nate Erskine-Smith": "Liberal", "David Pocock": "independent", "Simon O'Connor": "National",
}

# Tenure (from, to) where the row states it. Several offices in one row: the first-named office's dates,
# or the span of successive posts when the row dates each one; an unstated end stays empty.
TENURE = {
    "Leigh Turner": ("2012", "2021"),        # Istanbul 2012-2016, then Vienna 2016-2021
    "Alexander Stubb": ("2008", "2014"),     # Foreign Minister 2008-2011, then minister 2011-2014
    "Carl Bildt": ("2006", "2014"),          # "FM 2006-2014"
    "John Redwood": ("", "2024-05"),         # "until May 2024"
    "Danny Kruger": ("2019", ""),            # Devizes 2019-2024, then East Wiltshire (no end stated)
    "Marvin Rees": ("2016", "2024"),         # "Mayor of Bristol, 2016-2024"
    "Jeff Jackson": ("2023", "2025"),        # U.S. Representative 2023-2025
    "Pritam Singh": ("2020", "2026-01"),     # Leader of the Opposition 2020-Jan 2026 (the blog is that office's site)
    "Brian Nickholz": ("2021", ""),          # "directly elected 2021"
    "Susanne Hierl": ("2021", ""),           # "first sat 2021"
}

# Branch where the keyword rules in infer_branch would not decide right.
BRANCH = {
    "Josep Borrell": "executive",           # "High Representative" is not a legislator
    "Pierre Bédier": "legislative",         # Député first; also head of a département council
    "Nate Erskine-Smith": "legislative",    # an MP; minister only Dec 2024-May 2025
    "Pritam Singh": "legislative",          # Leader of the Opposition in Parliament
}

# Region/locality corrections where the research's region holds a city (moved to locality).
PLACE = {
    "Anthony Williams": ("District of Columbia", "Washington"),
    "Frédéric Dutoit": ("", "Marseille"),
    "Nate Erskine-Smith": ("Ontario", "Toronto"),
    "Philip R. Lane": ("", "Frankfurt am Main"),
}

# Language where the country default does not hold or there is none; "" = unsure, left empty.
LANGUAGE = {
    "John Beyrle": "ru",                    # "blog in Russian on LiveJournal"
    "Mohammad Ali Abtahi": "en",            # the blog address given is the /en/ edition
    "Lim Kit Siang": "en",                  # English post addresses in the sources
    "Damian Boeselager": "en",              # the blog address given is the /en/ edition
    "Philip R. Lane": "en",                 # index.en.html
    "Alexander Stubb": "",                  # the cited page is the site's /en/ edition of several: unsure
    "Carl Bildt": "",                       # unsure whether Swedish or English: not stated
}
# Diplomats blog from their post, not home: language only where the cited pages show it (English titles).
DIPLOMAT_LANGUAGE = {
    "David C. Jacobson": "en", "Tom Fletcher": "en", "Leigh Turner": "en", "Sian MacLeod": "en",
    "Aidan Liddle": "en", "Corinne Kitsell": "en", "John Beyrle": "ru",
}

# Authorship: "shared" where the row says the blog is not the official's alone; nobody is "self"
# because no row says the official writes the posts personally.
AUTHORSHIP = {
    "George Yeo": ("shared", "guest posts on Ephraim Loy's blog"),
    "Randy Leonard": ("shared", "group blog BlueOregon; the official posted as one contributor"),
    "Philip R. Lane": ("shared", "The ECB Blog is the institution's blog, with posts by several authors"),
}

# Feeds that a cited source lists although the feed address is not itself among the sources: the
# "GitHub file id" sources are a CubicWeb list of French political blogs' RSS feeds and a scraper's list
# of ECB feeds including https://www.ecb.europa.eu/rss/blog.html (both read in the public code index).
FEED_LISTED_BY_SOURCE = {
    "Alain Juppé", "Jean-Pierre Raffarin", "Pierre Bédier", "Frédéric Dutoit", "Didier Hacquart",
    "Fabrice Rousseau", "Philip R. Lane",
}

# Rows whose research blog address is only the home page of a shared platform (the FCDO blogs), not the
# official's own blog: kept as leads with that address in notes, so that one address does not stand for six blogs.
PLATFORM_HOME_ONLY = {"https://blogs.fcdo.gov.uk/"}

OTHER_PLATFORM_HOSTS = {  # hosted platforms outside the enumerated list -> "other", named in notes
    "livejournal.com": "LiveJournal", "blog.sina.com.cn": "Sina Blog", "over-blog.com": "OverBlog",
    "hautetfort.com": "Hautetfort", "ameblo.jp": "Ameba Blog",
}

# Platforms that the address alone does not show but the row does (custom domains).
PLATFORM_BY_URL = {
    "https://www.uncommons.ca/": "substack",       # "(Substack: Uncommons)"
    "https://www.chrismurphyct.com/": "substack",  # cited post "why I'm joining Substack" at /p/ on this domain
}

ROW_NOTES = {
    "Trevor Mallard": "author page on Red Alert, the Labour MPs' group blog",
    "Simon O'Connor": "the research calls the newsletter self-managed",
}
BLOG_NOTES = {
    "https://jeff-jackson.medium.com/": "Medium posts (2020) written as a North Carolina state senator",
}


# --- Generic rules --------------------------------------------------------------------------------

def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def normalise_url(url):
    """Key for duplicate detection: no scheme, lower-case host without www., no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    rest = parts.path + (("?" + parts.query) if parts.query else "")
    return (host + rest).rstrip("/")


def infer_platform(blog_url, feed_url):
    """Platform from the address (or a platform-specific feed address); (platform, note)."""
    if blog_url in PLATFORM_BY_URL:
        return PLATFORM_BY_URL[blog_url], ""
    host = host_of(blog_url)
    feed = feed_url or ""
    for suffix, label in OTHER_PLATFORM_HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return "other", f"platform: {label}"
    if host.endswith(".wordpress.com") or "?feed=rss2" in feed:
        return "wordpress", ""
    if host.endswith(".blogspot.com") or feed.endswith("/feeds/posts/default"):
        return "blogger", ""
    if host == "medium.com" or host.endswith(".medium.com"):
        return "medium", ""
    if host.endswith(".substack.com"):
        return "substack", ""
    if host.endswith(".typepad.com"):
        return "typepad", ""
    if host.endswith(".ghost.io"):
        return "ghost", ""
    if host.endswith(".tumblr.com"):
        return "tumblr", ""
    if re.search(r"/node/\d+", urlsplit(blog_url).path):
        return "drupal", ""
    return "", ""


DIPLOMATIC = re.compile(r"ambassador|consul|head of the eu delegation|permanent representative", re.I)
CENTRAL_BANK = re.compile(r"federal reserve|central bank", re.I)
JUDICIAL = re.compile(r"\bjudge\b|\bcourt\b|chancery", re.I)
AGENCY = re.compile(r"agency|nasa|bureau|transit authority|\bfda\b|\btsa\b", re.I)
LEGISLATIVE = re.compile(
    r"\bmp\b|member of parliament|senator|senate|representative|house of|\bmember\b|député|speaker|"
    r"council(?:lor|woman|man)|city commissioner|board of supervisors|leader of the opposition|\bmep\b", re.I)
EXECUTIVE = re.compile(r"minister|secretary|governor|mayor|president|commissioner|high representative", re.I)


def infer_branch(name, office):
    if name in BRANCH:
        return BRANCH[name]
    for branch, pattern in (("diplomatic", DIPLOMATIC), ("central_bank", CENTRAL_BANK), ("judicial", JUDICIAL),
                            ("agency", AGENCY), ("legislative", LEGISLATIVE), ("executive", EXECUTIVE)):
        if pattern.search(office):
            return branch
    return "other"


def split_list(text):
    return [part.strip() for part in text.split(";") if part.strip()] if text else []


def dedupe(items):
    return list(OrderedDict.fromkeys(items))


def curate(raw, research_file):
    """One research row -> one seed row per blog address (a row without one is a lead)."""
    name = raw["name"].strip()
    office = raw["office"].strip()
    country = COUNTRY_CODES[raw["country"].strip()]
    branch = infer_branch(name, office)
    level = raw["level"].strip().lower()
    notes = []

    region = raw["region"].strip()
    locality = ""
    if branch == "diplomatic":
        # The research's region is the post abroad; the seed's region is a place in the official's own polity.
        notes.append(region[0].lower() + region[1:] if region else "")
        region = ""
        if country != "EU":
            level = "national"  # an ambassador represents a national government
    elif level == "local":
        city, _, rest = region.partition(", ")
        region, locality = rest, city
    if name in PLACE:
        region, locality = PLACE[name]

    language = COUNTRY_LANGUAGE.get(country, "")
    if branch == "diplomatic":
        language = DIPLOMAT_LANGUAGE.get(name, "")
    language = LANGUAGE.get(name, language)

    authorship, authorship_note = AUTHORSHIP.get(name, ("unknown", ""))
    tenure_from, tenure_to = TENURE.get(name, ("", ""))
    sources = dedupe(split_list(raw["source"]))
    # A registry source is a URL a reader can open. The research also cites files of a public code index by
    # number ("GitHub file id ..."): those citations go to the notes, and a URL quoted inside one becomes a source.
    citations = [s for s in sources if not is_http_url(s)]
    sources = [s for s in sources if is_http_url(s)]
    for citation in citations:
        notes.append("also cited by the research: " + citation)
        sources += re.findall(r"https?://[^\s)]+", citation)
    sources = dedupe(sources)
    feed_url = raw["feed_url"].strip()

    blog_urls = split_list(raw["blog_url"])
    rows = []
    for blog_url in blog_urls or [""]:
        row_notes = list(notes)
        row_blog = blog_url
        if blog_url and normalise_url(blog_url) in {normalise_url(u) for u in PLATFORM_HOME_ONLY}:
            row_notes.append(f"the research gives only the platform's home page {blog_url}; "
                             "the official's own blog address is not stated")
            row_blog = ""
        row_feed = feed_for(blog_url, blog_urls, feed_url)
        if row_feed and not row_blog:  # a feed needs its blog in the registry; keep the address for discovery
            row_notes.append(f"the research gives the feed {row_feed}")
            row_feed = ""
        platform, platform_note = infer_platform(row_blog, row_feed) if row_blog else ("", "")
        if row_blog and len(blog_urls) > 1:
            others = [u for u in blog_urls if u != blog_url]
            row_notes.append("the research lists another blog address for this official: " + ", ".join(others))
        if platform_note:
            row_notes.append(platform_note)
        if row_feed and not (normalise_url(row_feed) in {normalise_url(s) for s in sources}
                             or name in FEED_LISTED_BY_SOURCE):
            row_notes.append("feed URL is not among the cited sources (the platform's default address); "
                             "discovery must confirm it")
        if authorship_note:
            row_notes.append(authorship_note)
        row_notes.append(ROW_NOTES.get(name, ""))
        row_notes.append(BLOG_NOTES.get(blog_url, ""))
        rows.append({
            "name": name, "office": office, "country": country, "region": region, "locality": locality,
            "level": level, "branch": branch, "party": PARTY.get(name, ""), "wikidata_id": "",
            "in_office_from": tenure_from, "in_office_to": tenure_to, "blog_url": row_blog, "feed_url": row_feed,
            "platform": platform, "language": language, "authorship": authorship,
            "active_years": raw["active_years"].strip(), "sources": sources,
            "notes": [n for n in row_notes if n], "_origin": [f"{research_file}:{name}"],
        })
    return rows


def feed_for(blog_url, blog_urls, feed_url):
    """The row's feed: the research's feed belongs to the one blog, or to the blog on the feed's platform."""
    if not feed_url or not blog_url:
        return feed_url if len(blog_urls) <= 1 else ""
    if len(blog_urls) == 1:
        return feed_url
    same_host = host_of(blog_url) == host_of(feed_url)
    blog_platform = infer_platform(blog_url, "")[0]
    same_platform = bool(blog_platform) and blog_platform == infer_platform(feed_url, "")[0]
    return feed_url if same_host or same_platform else ""


def merge(earlier, later, merges):
    """Same blog in both files: one row, the later file's office and addresses, both years and all sources."""
    if earlier["name"] != later["name"]:
        raise SystemExit(f"same blog, different people: {earlier['name']} / {later['name']} ({later['blog_url']})")
    merged = dict(later)
    for field in ("region", "locality", "party", "feed_url", "platform", "language", "in_office_from", "in_office_to"):
        merged[field] = later[field] or earlier[field]
    if earlier["active_years"] and earlier["active_years"] != later["active_years"]:
        merged["active_years"] = "; ".join(y for y in (earlier["active_years"], later["active_years"]) if y)
    merged["sources"] = dedupe(earlier["sources"] + later["sources"])
    merged["notes"] = dedupe(earlier["notes"] + later["notes"])
    if earlier["office"] != later["office"]:
        merged["notes"].append(f"office in the earlier research: {earlier['office']}")
    if earlier["blog_url"] != later["blog_url"]:
        merged["notes"].append(f"earlier research address: {earlier['blog_url']}")
    merged["notes"].append("merged from both research files")
    merged["_origin"] = earlier["_origin"] + later["_origin"]
    merges.append(f"{later['name']}: {earlier['blog_url']} + {later['blog_url']}")
    return merged


def build(research_dir):
    rows, by_blog, merges, inputs = [], {}, [], 0
    for research_file in RESEARCH_FILES:
        with open(os.path.join(research_dir, research_file), encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != RESEARCH_COLUMNS:
                raise SystemExit(f"{research_file}: unexpected columns {reader.fieldnames}")
            for raw in reader:
                inputs += 1
                for row in curate(raw, research_file):
                    key = normalise_url(row["blog_url"]) if row["blog_url"] else None
                    if key and key in by_blog:
                        index = by_blog[key]
                        rows[index] = merge(rows[index], row, merges)
                    else:
                        if key:
                            by_blog[key] = len(rows)
                        rows.append(row)
    return rows, merges, inputs


# --- In-repository research: new rows and facts about existing rows -------------------------------

def research_files(extra_dir):
    """(new-row files, existing-row files) in the folder, sorted by name so the build is deterministic."""
    if not extra_dir or not os.path.isdir(extra_dir):
        return [], []
    names = sorted(n for n in os.listdir(extra_dir) if n.endswith(".csv"))
    return ([os.path.join(extra_dir, n) for n in names if not n.endswith(EXISTING_SUFFIX)],
            [os.path.join(extra_dir, n) for n in names if n.endswith(EXISTING_SUFFIX)])


def read_research_csv(path, columns):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            raise SystemExit(f"{path}: columns {reader.fieldnames} differ from the documented {columns}")
        rows = []
        for line, raw in enumerate(reader, start=2):
            if None in raw or any(v is None for v in raw.values()):
                raise SystemExit(f"{path}:{line}: wrong number of fields")
            rows.append((line, {k: v.strip() for k, v in raw.items()}))
        return rows


def latest_post(where, raw):
    """The 'latest post seen' note and the post's URL, checked: a date needs its post and the reverse."""
    url, day = raw["latest_post_url"], raw["latest_post_date"]
    if bool(url) != bool(day):
        raise SystemExit(f"{where}: latest_post_url and latest_post_date go together")
    if not url:
        return "", ""
    if not is_http_url(url) or not PARTIAL_DATE.match(day) or len(day) < 7:
        raise SystemExit(f"{where}: latest post {url!r} dated {day!r} (an http(s) URL and YYYY-MM or YYYY-MM-DD)")
    return f"latest post seen {day}", url


def wikidata(where, raw):
    """The Wikidata id and the page that ties it to the person, checked together."""
    qid, source = raw["wikidata_id"], raw["wikidata_source"]
    if qid and not WIKIDATA_ID.fullmatch(qid):
        raise SystemExit(f"{where}: wikidata_id {qid!r} is not Q followed by digits")
    if qid and not is_http_url(source):
        raise SystemExit(f"{where}: wikidata_id {qid} needs the page that states it in wikidata_source")
    return qid, (source if qid else "")


def new_row(path, line, raw):
    """A research row in the seed's vocabulary -> a seed row; its post, id and sources checked."""
    where = f"{os.path.basename(path)}:{line} ({raw['name']})"
    if not raw["blog_url"]:
        raise SystemExit(f"{where}: a new row needs a blog_url")
    note, post_url = latest_post(where, raw)
    qid, qid_source = wikidata(where, raw)
    sources = dedupe(split_list(raw["source"]) + [u for u in (post_url, qid_source) if u])
    notes = [n.strip() for n in raw["notes"].split(";") if n.strip()]
    if note:
        notes.append(note)
    return {
        "name": raw["name"], "office": raw["office"], "country": raw["country"], "region": raw["region"],
        "locality": raw["locality"], "level": raw["level"], "branch": raw["branch"], "party": raw["party"],
        "wikidata_id": qid, "in_office_from": "", "in_office_to": "", "blog_url": raw["blog_url"],
        "feed_url": raw["feed_url"], "platform": raw["platform"], "language": raw["language"],
        "authorship": raw["authorship"] or "unknown", "active_years": raw["active_years"], "sources": sources,
        "notes": dedupe(notes), "_origin": [where],
    }


def apply_existing(rows, path, line, raw):
    """Facts about a row already in the seed: found by its blog address, or a lead by its name."""
    where = f"{os.path.basename(path)}:{line} ({raw['name'] or raw['blog_url']})"
    if raw["blog_url"]:
        key = normalise_url(raw["blog_url"])
        targets = [r for r in rows if r["blog_url"] and normalise_url(r["blog_url"]) == key]
    else:
        targets = [r for r in rows if not r["blog_url"] and r["name"] == raw["name"]]
    if len(targets) != 1:
        raise SystemExit(f"{where}: matches {len(targets)} seed rows, expected exactly one")
    row = targets[0]
    if raw["name"] and raw["name"] != row["name"]:
        raise SystemExit(f"{where}: names {row['name']!r} in the seed")
    note, post_url = latest_post(where, raw)
    qid, qid_source = wikidata(where, raw)
    if qid and row["wikidata_id"] and row["wikidata_id"] != qid:
        raise SystemExit(f"{where}: Wikidata id {qid} differs from {row['wikidata_id']} given elsewhere")
    if qid:
        row["wikidata_id"] = qid
    row["sources"] = dedupe(row["sources"] + split_list(raw["source"]) + [u for u in (post_url, qid_source) if u])
    extra = [n.strip() for n in raw["notes"].split(";") if n.strip()]
    if note:
        row["notes"] = [n for n in row["notes"] if not LATEST_POST_NOTE.fullmatch(n)]
        extra.append(note)
    row["notes"] = dedupe(row["notes"] + extra)
    row["_origin"].append(where)


def same_person_ids(rows):
    """One person with several blogs (same name and country) carries the one Wikidata id on every row."""
    ids = {}
    for row in rows:
        if row["wikidata_id"]:
            person = (row["name"], row["country"])
            if ids.setdefault(person, row["wikidata_id"]) != row["wikidata_id"]:
                raise SystemExit(f"{row['name']}: two Wikidata ids, {ids[person]} and {row['wikidata_id']}")
    for row in rows:
        row["wikidata_id"] = row["wikidata_id"] or ids.get((row["name"], row["country"]), "")


def add_research(rows, extra_dir):
    """New rows first (appended in file order), then the facts about existing rows; returns counts."""
    new_files, existing_files = research_files(extra_dir)
    added = facts = 0
    keys = {normalise_url(r["blog_url"]): r for r in rows if r["blog_url"]}
    for path in new_files:
        for line, raw in read_research_csv(path, NEW_ROW_COLUMNS):
            row = new_row(path, line, raw)
            key = normalise_url(row["blog_url"])
            if key in keys:
                raise SystemExit(f"{row['_origin'][0]}: blog {key} is already in the seed "
                                 f"({keys[key]['name']}); put new facts about it in a *{EXISTING_SUFFIX} file")
            keys[key] = row
            rows.append(row)
            added += 1
    for path in existing_files:
        for line, raw in read_research_csv(path, EXISTING_COLUMNS):
            apply_existing(rows, path, line, raw)
            facts += 1
    same_person_ids(rows)
    return added, facts


def render(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows:
        flat = dict(row, sources=SOURCE_SEPARATOR.join(row["sources"]), notes="; ".join(row["notes"]))
        writer.writerow([flat[c] for c in COLUMNS])
    return out.getvalue()


# --- Validation -----------------------------------------------------------------------------------

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


HOST_NAME = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", re.I)


def is_http_url(value):
    """An http(s) URL whose host is a valid name (RFC 1123: letters, digits, hyphens), as the registry demands."""
    parts = urlsplit(value)
    host = (parts.hostname or "").removesuffix(".")  # a fully qualified name's final dot is allowed
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    return parts.scheme in ("http", "https") and bool(HOST_NAME.fullmatch(host)) and " " not in value


def validate(text):
    """Returns (rows, problems) for the CSV text of a seed file."""
    problems = []
    if not text.startswith(",".join(COLUMNS) + "\n"):
        problems.append("header line differs from the documented columns")
    if "\r" in text:
        problems.append("CR found: lines must end with LF only")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    seen = {}
    codes = ISO_COUNTRY_CODES
    for number, row in enumerate(rows, start=1):
        where = f"row {number} ({row.get('name', '')})"
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{where}: wrong number of fields")
            continue
        if not row["name"].strip():
            problems.append(f"{where}: empty name")
        if row["country"] not in codes:
            problems.append(f"{where}: country {row['country']!r} not in the code table")
        if row["level"] not in LEVELS:
            problems.append(f"{where}: level {row['level']!r}")
        if row["branch"] not in BRANCHES:
            problems.append(f"{where}: branch {row['branch']!r}")
        if row["platform"] and row["platform"] not in PLATFORMS:
            problems.append(f"{where}: platform {row['platform']!r}")
        if row["authorship"] not in AUTHORSHIPS:
            problems.append(f"{where}: authorship {row['authorship']!r}")
        if row["language"] and not re.fullmatch(r"[a-z]{2}", row["language"]):
            problems.append(f"{where}: language {row['language']!r}")
        if row["wikidata_id"] and not re.fullmatch(r"Q[1-9]\d*", row["wikidata_id"]):
            problems.append(f"{where}: wikidata_id {row['wikidata_id']!r}")
        for field in ("in_office_from", "in_office_to"):
            if row[field] and not PARTIAL_DATE.match(row[field]):
                problems.append(f"{where}: {field} {row[field]!r}")
        if row["in_office_from"] and row["in_office_to"] and row["in_office_from"] > row["in_office_to"]:
            problems.append(f"{where}: in_office_from after in_office_to")
        for field in ("blog_url", "feed_url"):
            if row[field] and not is_http_url(row[field]):
                problems.append(f"{where}: {field} is not an http(s) URL: {row[field]!r}")
        if row["feed_url"] and not row["blog_url"]:
            problems.append(f"{where}: feed_url without blog_url")
        if latest_post_day(row) and not row["blog_url"]:
            problems.append(f"{where}: a latest post without blog_url")
        if row["platform"] and not row["blog_url"]:
            problems.append(f"{where}: platform without blog_url")
        sources = row["sources"].split(SOURCE_SEPARATOR) if row["sources"] else []
        if not sources:
            problems.append(f"{where}: no source")
        for source in sources:
            # A source is a URL, or the research's citation of a file in a public code index.
            if not is_http_url(source):
                problems.append(f"{where}: source is not an http(s) URL: {source!r}")
        if len(set(sources)) != len(sources):
            problems.append(f"{where}: duplicate source")
        if row["blog_url"]:
            key = normalise_url(row["blog_url"])
            if key in seen:
                problems.append(f"{where}: blog URL duplicates row {seen[key]}: {key}")
            seen[key] = number
        for field in COLUMNS:
            if row[field] != row[field].strip():
                problems.append(f"{where}: {field} has surrounding spaces")
    return rows, problems


def latest_post_day(row):
    """The day of the latest post the research saw, from the row's notes ("" when none)."""
    found = [m.group(1) for n in row["notes"].split("; ") for m in [LATEST_POST_NOTE.fullmatch(n)] if m]
    return max(found, default="")


def print_counts(rows):
    leads = sum(1 for r in rows if not r["blog_url"])
    print(f"rows: {len(rows)} (blogs: {len(rows) - leads}, leads: {leads})")
    current = sum(1 for r in rows if r["blog_url"] and latest_post_day(r) >= CURRENT_SINCE)
    people = {(r["name"], r["country"]) for r in rows}
    with_id = {(r["name"], r["country"]) for r in rows if r["wikidata_id"]}
    print(f"current blogs (a post from {CURRENT_SINCE} or later among the sources): {current}; "
          f"countries: {len({r['country'] for r in rows})}; people with a Wikidata id: {len(with_id)} of {len(people)}")
    for field in ("country", "level", "branch", "platform", "language", "authorship"):
        counts = Counter(r[field] or "(empty)" for r in rows)
        print(f"per {field}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    # shared/ sits beside the repository checkout (/work/main -> /work/shared); worktrees live elsewhere.
    default_research = next((d for d in (os.path.join(here, "..", "..", "shared", "seed-research"),
                                         "/work/shared/seed-research") if os.path.isdir(d)), None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", default=default_research, help="folder holding the two research CSV files")
    parser.add_argument("--extra", default=os.path.join(here, "research"),
                        help="folder of the in-repository research files (new rows, facts about existing rows)")
    parser.add_argument("--output", default=os.path.join(here, "officials.csv"))
    parser.add_argument("--check", action="store_true", help="only validate the existing output file")
    args = parser.parse_args()

    if not args.check:
        if not args.research:
            raise SystemExit("research folder not found: pass --research DIR")
        rows, merges, inputs = build(args.research)
        origins = Counter(o for r in rows for o in r["_origin"])
        print(f"research rows read: {inputs}; accounted for: {len(origins)}")
        if len(origins) != inputs:
            raise SystemExit("some research rows did not reach the seed")
        for line in merges:
            print(f"merged: {line}")
        added, facts = add_research(rows, args.extra)
        print(f"in-repository research: {added} new rows, {facts} rows of facts about existing rows")
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(render(rows))

    with open(args.output, encoding="utf-8", newline="") as handle:
        checked, problems = validate(handle.read())
    print_counts(checked)
    for problem in problems:
        print(f"INVALID {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()
