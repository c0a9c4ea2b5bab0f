package org.officialblogs.web;

import java.util.List;
import org.officialblogs.discover.WikidataMatchDao;

/** GET /admin/wikidata: listed officials for whom `enrich wikidata` found several fitting Wikidata items. */
public record AdminWikidataPage(SiteInfo site, AdminNav nav, List<WikidataMatchDao.Proposed> officials, int total,
                                String message, boolean failed) {}
