package org.officialblogs.crawl.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.officialblogs.json.Json;

/**
 * Reads a CDX answer in its JSON form: a header row naming the fields, one row per capture, and, when more captures
 * wait, an empty row followed by a one-value row holding the resume key. Pure. An answer that is not that list (an
 * HTML error page, plain text, an object) is a failure with a kind; a malformed row is left out and reported while
 * the good rows are kept.
 */
public final class CdxParser {

    private static final ObjectMapper JSON = Json.mapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,200})", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCLUSION = Pattern.compile(
            "AccessControlException|Blocked Site|excluded from the Wayback Machine", Pattern.CASE_INSENSITIVE);
    private static final int MAX_SKIP_NOTES = 20;

    /** Reads the answer's bytes (already decompressed); {@code body} may be null or empty (no captures). */
    public CdxAnswer parse(byte[] body) {
        if (body == null || body.length == 0) {
            return CdxAnswer.Page.empty();
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
            return failed(ArchiveFailureKind.NOT_CDX, "gzip-compressed bytes that were not decompressed");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String start = text.substring(0, Math.min(text.length(), 4096)).strip();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).strip();
        }
        if (start.isEmpty()) {
            return CdxAnswer.Page.empty();
        }
        if (EXCLUSION.matcher(start).find()) {
            return failed(ArchiveFailureKind.EXCLUDED, "the index says the site is excluded: " + snippet(start));
        }
        char first = start.charAt(0);
        if (first == '<') {
            Matcher title = TITLE.matcher(start);
            return failed(ArchiveFailureKind.NOT_CDX, "an HTML or XML page instead of the JSON list"
                    + (title.find() ? " (title \"" + title.group(1).strip() + "\")" : ""));
        }
        if (first == '{') {
            return failed(ArchiveFailureKind.NOT_CDX, "a JSON object instead of the list of captures: "
                    + snippet(start));
        }
        if (first != '[') {
            return failed(ArchiveFailureKind.NOT_CDX, "plain text instead of the JSON list: " + snippet(start));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return failed(ArchiveFailureKind.CDX_MALFORMED, "broken JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            return failed(ArchiveFailureKind.CDX_MALFORMED, "unreadable JSON: " + e.getMessage());
        }
        return rows(root);
    }

    private static CdxAnswer rows(JsonNode root) {
        if (!root.isArray()) {
            return failed(ArchiveFailureKind.CDX_MALFORMED, "the answer is not a list");
        }
        if (root.isEmpty()) {
            return CdxAnswer.Page.empty();
        }
        JsonNode header = root.get(0);
        Map<String, Integer> columns = new HashMap<>();
        if (header.isArray()) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).isTextual()) {
                    columns.putIfAbsent(header.get(i).asText(), i);
                }
            }
        }
        if (!columns.containsKey("timestamp") || !columns.containsKey("original")) {
            return failed(ArchiveFailureKind.CDX_MALFORMED,
                    "the first row does not name the fields 'timestamp' and 'original': " + snippet(header.toString()));
        }
        List<CdxCapture> captures = new ArrayList<>();
        List<String> skipped = new ArrayList<>(); // notes, the first few
        String resumeKey = null;
        int skippedCount = 0;
        for (int i = 1; i < root.size(); i++) {
            JsonNode row = root.get(i);
            String problem;
            if (row.isArray() && row.isEmpty()) {
                // the resume key follows an empty row; anything after the key is not a capture
                JsonNode keyRow = i + 1 < root.size() ? root.get(i + 1) : null;
                if (keyRow != null && keyRow.isArray() && keyRow.size() == 1 && keyRow.get(0).isTextual()
                        && !keyRow.get(0).asText().isBlank()) {
                    resumeKey = keyRow.get(0).asText();
                    if (i + 2 < root.size()) {
                        skippedCount += root.size() - (i + 2);
                        note(skipped, "rows " + (i + 3) + "-" + root.size() + ": after the resume key, left out");
                    }
                } else {
                    skippedCount++;
                    note(skipped, "row " + (i + 1) + ": an empty row without a resume key after it");
                }
                break;
            }
            problem = capture(row, columns, captures);
            if (problem != null) {
                skippedCount++;
                note(skipped, "row " + (i + 1) + ": " + problem);
            }
        }
        return new CdxAnswer.Page(captures, resumeKey, skippedCount, skipped);
    }

    /** Adds the row's capture, or says why it cannot be one. */
    private static String capture(JsonNode row, Map<String, Integer> columns, List<CdxCapture> into) {
        if (!row.isArray()) {
            return "not a list of fields: " + snippet(row.toString());
        }
        String timestamp = field(row, columns, "timestamp");
        String original = field(row, columns, "original");
        if (timestamp == null || original == null) {
            return "has " + row.size() + " fields, fewer than the header names";
        }
        if (CaptureUrl.instantOf(timestamp) == null) {
            return "capture time '" + snippet(timestamp) + "' is not a valid 14-digit timestamp";
        }
        URI url = CaptureUrl.originalUrl(original);
        if (url == null) {
            return "original address '" + snippet(original) + "' is not an http(s) URL";
        }
        Long status = number(field(row, columns, "statuscode"));
        into.add(new CdxCapture(new CaptureUrl(timestamp, url), dash(field(row, columns, "mimetype")),
                status == null || status > 999 ? null : status.intValue(), dash(field(row, columns, "digest")),
                number(field(row, columns, "length"))));
        return null;
    }

    private static String field(JsonNode row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.size() || row.get(index).isNull() || row.get(index).isContainerNode()) {
            return null;
        }
        return row.get(index).asText();
    }

    private static String dash(String value) {
        return value == null || value.isBlank() || value.equals("-") ? null : value;
    }

    private static Long number(String value) {
        if (value == null || value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static void note(List<String> notes, String note) {
        if (notes.size() < MAX_SKIP_NOTES) {
            notes.add(note);
        }
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "...";
    }

    private static CdxAnswer failed(ArchiveFailureKind kind, String message) {
        return new CdxAnswer.Failed(ArchiveFailure.of(kind, message));
    }
}
