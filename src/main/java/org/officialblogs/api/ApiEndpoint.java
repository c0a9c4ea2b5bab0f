package org.officialblogs.api;

import java.util.List;

/**
 * One operation of the /api/v1 read API as documented: the OpenAPI document and the /api page are both built from
 * these, and a test holds them to the routes the web app really serves.
 *
 * @param schema the component schema of one returned item, or null when the response is described inline
 * @param paginated true when the response is a page of items with a next link
 */
public record ApiEndpoint(String method, String path, String operationId, String summary, String description,
                          List<Parameter> parameters, String schema, boolean paginated) {

    /** A path or query parameter. */
    public record Parameter(String name, String in, String type, String description, List<String> allowed) {

        static Parameter path(String name, String description) {
            return new Parameter(name, "path", "integer", description, List.of());
        }

        static Parameter query(String name, String type, String description, List<String> allowed) {
            return new Parameter(name, "query", type, description, List.copyOf(allowed));
        }
    }
}
