package org.officialblogs.web;

import java.util.List;
import java.util.Map;
import org.officialblogs.registry.DirectoryQuery;

/** The directory page (every registry entry): the filters as set, the options for them, and one page of officials. */
public record DirectoryPage(SiteInfo site, List<Tab> tabs, String country, String level, String search,
                            List<Map.Entry<String, String>> countryOptions, Map<String, Integer> levelCounts,
                            List<DirectoryQuery.Row> rows, Pagination pagination) {}
