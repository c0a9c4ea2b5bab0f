package org.officialblogs.web;

import org.officialblogs.discover.PositionTable;

/** GET /admin/candidates/positions: the table that places Wikidata positions in a level and branch. */
public record AdminPositionsPage(SiteInfo site, AdminNav nav, PositionTable table) {}
