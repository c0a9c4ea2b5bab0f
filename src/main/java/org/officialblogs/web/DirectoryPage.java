package org.officialblogs.web;

import java.util.List;
import java.util.Map;
import org.officialblogs.registry.DirectoryQuery;

/**
 * The directory page (every registry entry): the filters as set, the options for them, one page of officials, and
 * what in the address could not be used ({@code notes}).
 */
public record DirectoryPage(SiteInfo site, List<Tab> tabs, String country, String level, String search,
                            List<Map.Entry<String, String>> countryOptions, Map<String, Integer> levelCounts,
                            List<DirectoryQuery.Row> rows, Pagination pagination, List<String> notes) {}
