package org.officialblogs.web;

import java.util.List;

/** /api: the read API for people, built from the same catalogue as the OpenAPI document. */
public record ApiPage(SiteInfo site, List<Operation> operations, int defaultPerPage, int maxPerPage,
                      int requestsPerMinute) {

    /** One operation; {@code example} is a link to try it, or null. */
    public record Operation(String method, String path, String summary, String description, List<Param> params,
                            String example) {}

    /** One parameter. */
    public record Param(String name, String in, String description) {}
}
