package org.officialblogs.api;

import java.util.ArrayList;
import java.util.List;
import org.officialblogs.api.ApiEndpoint.Parameter;

/** Every operation of /api/v1, in the order the documentation lists them. */
public final class ApiCatalog {

    private ApiCatalog() {}

    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 500;

    static final List<String> LEVELS = List.of("international", "national", "regional", "local");
    static final List<String> STATUSES = List.of("active", "slowing", "dormant", "unreachable", "offline", "lead", "no_data");

    private static final Parameter COUNTRY = Parameter.query("country", "string", "ISO 3166-1 alpha-2 code of the official's country.", List.of());
    private static final Parameter LEVEL = Parameter.query("level", "string", "Level of government.", LEVELS);
    private static final Parameter STATUS = Parameter.query("status", "string", "Measured status of the blog (for officials: of any of their blogs).", STATUSES);
    private static final Parameter FROM = Parameter.query("from", "string", "First day included (YYYY-MM-DD, UTC).", List.of());
    private static final Parameter TO = Parameter.query("to", "string", "Last day included (YYYY-MM-DD, UTC).", List.of());
    private static final Parameter PAGE = Parameter.query("page", "integer", "Page number, from 1.", List.of());
    private static final Parameter PER_PAGE = Parameter.query("per_page", "integer",
            "Items a page, 1 to " + MAX_PER_PAGE + " (default " + DEFAULT_PER_PAGE + ").", List.of());
    private static final Parameter ID = Parameter.path("id", "The identifier.");

    public static final List<ApiEndpoint> ENDPOINTS = List.of(
            new ApiEndpoint("GET", "/api/v1/officials", "listOfficials", "Officials",
                    "Officials with at least one listed blog, by id, filtered like the rankings page.",
                    List.of(COUNTRY, LEVEL, STATUS, PAGE, PER_PAGE), "Official", true),
            new ApiEndpoint("GET", "/api/v1/officials/{id}", "getOfficial", "One official and their blogs",
                    "An official (the officials table's columns) with a blogs array of their listed blogs and metrics.",
                    List.of(ID), "OfficialWithBlogs", false),
            new ApiEndpoint("GET", "/api/v1/blogs", "listBlogs", "Blogs with their latest metrics",
                    "Listed blogs by id with their latest metrics, status and rank, filtered like the rankings page.",
                    List.of(COUNTRY, LEVEL, STATUS, PAGE, PER_PAGE), "Blog", true),
            new ApiEndpoint("GET", "/api/v1/blogs/{id}", "getBlog", "One blog with its latest metrics",
                    "A listed blog with its latest metrics, and for a blog read from a web archive its active period's figures"
                            + " (archive_period, null otherwise).", List.of(ID), "BlogWithArchivePeriod", false),
            new ApiEndpoint("GET", "/api/v1/blogs/{id}/posts", "listBlogPosts", "A blog's posts",
                    "The posts read from a blog's feed, by id, optionally within a range of publication days.",
                    List.of(ID, FROM, TO, PAGE, PER_PAGE), "Post", true),
            new ApiEndpoint("GET", "/api/v1/blogs/{id}/metrics", "listBlogMetrics", "A blog's metrics history",
                    "A blog's daily snapshots (status, score, rank and headline numbers), oldest first.",
                    List.of(ID, FROM, TO, PAGE, PER_PAGE), "MetricsDay", true),
            new ApiEndpoint("GET", "/api/v1/rankings", "listRankings", "The rankings",
                    "The rankings page as data: the same filters, sort orders and list (tab=historical for dormant "
                            + "and historical blogs).",
                    List.of(Parameter.query("tab", "string", "ranked (default) or historical.", List.of("ranked", "historical")),
                            COUNTRY, LEVEL,
                            Parameter.query("branch", "string", "Branch of government.", List.of("executive",
                                    "legislative", "judicial", "agency", "diplomatic", "central_bank", "other")),
                            Parameter.query("status", "string", "Measured status; picks the list it belongs to.", STATUSES),
                            Parameter.query("q", "string", "Words of the name or office.", List.of()),
                            Parameter.query("sort", "string", "Sort order.", List.of("rank", "name", "office",
                                    "jurisdiction", "ppw", "weeks", "reply", "delay", "last", "score", "movement", "status")),
                            Parameter.query("dir", "string", "Direction; each sort has a natural one.", List.of("asc", "desc")),
                            PAGE, PER_PAGE),
                    "RankingRow", true),
            new ApiEndpoint("POST", "/api/v1/submissions", "createSubmission", "Submit a blog",
                    "Proposes a blog (and its official) or more evidence for a listed official, with the submission "
                            + "form's checks. 201 with a private status link; 409 when the blog is already known; 422 "
                            + "with the problems of each field; 415 for a body that is not JSON; 429 when rate limited.",
                    List.of(), null, false),
            new ApiEndpoint("GET", "/api/v1/admin/submissions", "listPendingSubmissions", "Moderation queue",
                    "The pending submissions with their duplicates. Needs a moderator's session cookie; 401 without.",
                    List.of(), null, false));

    /** The GET endpoints of the public read API (the rate limit, ETags and CORS apply to these). */
    public static List<ApiEndpoint> readEndpoints() {
        List<ApiEndpoint> out = new ArrayList<>();
        for (ApiEndpoint e : ENDPOINTS) if (e.method().equals("GET") && !e.path().startsWith("/api/v1/admin/")) out.add(e);
        return out;
    }
}
