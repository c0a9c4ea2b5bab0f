package org.officialblogs.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Page links for a list: keeps the current filters in every link so a view can be shared. */
public record Pagination(int page, int pageSize, int total, Map<String, String> params) {

    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int firstItem() {
        return total == 0 ? 0 : (page - 1) * pageSize + 1;
    }

    public int lastItem() {
        return Math.min(total, page * pageSize);
    }

    /** The query string for another page, with the same filters. */
    public String href(int targetPage) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (targetPage > 1) p.put("page", Integer.toString(targetPage)); else p.remove("page");
        return query(p);
    }

    /** The note of a page asked for past the end of a list, which shows its last page instead. */
    static String pastTheEnd(int asked, int pages) {
        return "There is no page " + asked + ": " + (pages == 1 ? "the list fits on one page, shown here."
                : "the list has " + pages + " pages; this is the last.");
    }

    public static String query(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return parts.isEmpty() ? "?" : "?" + String.join("&", parts);
    }
}
