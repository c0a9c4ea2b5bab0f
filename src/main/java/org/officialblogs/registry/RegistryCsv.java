package org.officialblogs.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a registry CSV (the seed format, see seed/README.md) with commons-csv: RFC 4180 quoting, a header line,
 * UTF-8. Each row becomes an entry or a rejection with its line number and reason; a bad row never stops the good
 * ones. Commons CSV rather than a hand-written splitter: quoted commas, quotes and newlines are where such code breaks.
 *
 * <p>The one set of rules of every file the registry takes (the {@code import} command and the web's bulk upload):
 * columns are found by their header, in any order; optional columns may be left out, and the research files' names
 * are accepted ({@code source} for {@code sources}); a missing branch is inferred from the office (and the row's
 * notes say so); countries may be written as codes or English names; every row needs a source; a second row for a
 * blog (or lead) already in the file is rejected as such, never merged into the first.
 */
public final class RegistryCsv {

    /** A row that validated: the line it starts on and the entry. */
    public record Row(long line, RegistryEntry entry) {}

    /**
     * A row (or the file) that could not be used, with what was wrong. {@code sameAs} is the earlier line of the
     * file with the same blog when that is the reason (0 otherwise); {@code entry} is the row as read when it was
     * otherwise valid, else null.
     */
    public record Rejection(long line, String reason, long sameAs, RegistryEntry entry) {

        public Rejection(long line, String reason) {
            this(line, reason, 0, null);
        }

        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + reason : reason;
        }
    }

    /** Why a row without a source is refused, in the words both the import and the upload report. */
    public static final String SOURCE_NEEDED = "sources: at least one source is needed, a public page showing that this"
            + " is the official's own blog";

    /** Everything read from one file. */
    public record Parsed(List<Row> rows, List<Rejection> rejections) {}

    private RegistryCsv() {}

    public static Parsed parse(byte[] bytes) {
        String text = decodeUtf8Leniently(bytes);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(false)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .map(h -> EntryValidator.COLUMN_ALIASES.getOrDefault(h, h)).toList();
            List<String> twice = header.stream().filter(h -> java.util.Collections.frequency(header, h) > 1).distinct().toList();
            if (!twice.isEmpty()) {
                rejections.add(new Rejection(1, "header: the column(s) " + twice + " appear more than once"));
                return new Parsed(List.of(), List.copyOf(rejections));
            }
            List<String> unknown = header.stream().filter(h -> !EntryValidator.COLUMNS.contains(h)).toList();
            List<String> missing = EntryValidator.REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).sorted().toList();
            if (!unknown.isEmpty() || !missing.isEmpty()) {
                String why = (unknown.isEmpty() ? "" : "unknown column(s) " + unknown + "; ")
                        + (missing.isEmpty() ? "" : "missing required column(s) " + missing + "; ")
                        + "the columns are " + EntryValidator.COLUMNS + ", in any order; name, country, level and sources"
                        + " are required";
                rejections.add(new Rejection(1, "header: " + why));
                return new Parsed(List.of(), List.copyOf(rejections));
            }
            long nextLine = 2;
            Map<String, Long> seen = new HashMap<>();
            var it = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejections.add(new Rejection(nextLine, "the file cannot be read from here on: "
                            + rootMessage(e) + " (check for an unclosed quote); the rows after it were not read"));
                    break;
                }
                long line = Math.max(nextLine, 2);
                nextLine = parser.getCurrentLineNumber() + 1;
                if (isBlankRecord(record)) continue;
                if (record.size() != header.size()) {
                    rejections.add(new Rejection(line, "expected " + header.size() + " fields, found " + record.size()));
                    continue;
                }
                Map<String, String> raw = new HashMap<>();
                for (int i = 0; i < header.size(); i++) raw.put(header.get(i), record.get(i));
                if (raw.get("branch") == null || raw.get("branch").isBlank()) {
                    // the research files have no branch: a guess from the office, said in the notes for moderators
                    Branch guess = Branch.fromOffice(raw.get("office"));
                    raw.put("branch", guess.code());
                    String notes = raw.get("notes") == null ? "" : raw.get("notes").strip();
                    raw.put("notes", (notes.isEmpty() ? "" : notes + "; ") + "branch " + guess.code()
                            + " inferred from the office");
                }
                String twoBlogs = severalAddresses(raw);
                if (twoBlogs != null) {
                    rejections.add(new Rejection(line, twoBlogs));
                    continue;
                }
                citationsToNotes(raw);
                EntryValidator.Result result = EntryValidator.validate(raw);
                if (!result.ok()) {
                    rejections.add(new Rejection(line, result.summary()));
                } else if (result.entry().sources().isEmpty()) {
                    rejections.add(new Rejection(line, SOURCE_NEEDED, 0, result.entry()));
                } else {
                    RegistryEntry e = result.entry();
                    List<String> keys = e.isLead() ? List.of(e.identityKey()) : DuplicateFinder.urlKeys(e, null);
                    Long earlier = keys.stream().map(seen::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    if (earlier != null) {
                        rejections.add(new Rejection(line, "the same " + (e.isLead() ? "lead" : "blog") + " as line "
                                + earlier + " of this file; one row a blog (put every source of it on that row)",
                                earlier, e));
                    } else {
                        for (String k : keys) seen.put(k, line);
                        rows.add(new Row(line, e));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            rejections.add(new Rejection(1, "header: " + e.getMessage()));
        }
        return new Parsed(List.copyOf(rows), List.copyOf(rejections));
    }

    private static final java.util.regex.Pattern SOURCE_SEPARATOR = java.util.regex.Pattern.compile("\\s;\\s|\\s*\\n\\s*");
    private static final java.util.regex.Pattern QUOTED_URL = java.util.regex.Pattern.compile("https?://[^\\s)\\]\"'<>]+");

    /**
     * A research file's citation that is not an address ("GitHub file id 1193... (list cites http://...)") goes to
     * the row's notes, and an address quoted in it becomes a source: the seed's own rule (seed/README.md).
     */
    static void citationsToNotes(Map<String, String> raw) {
        String sources = raw.get("sources");
        if (sources == null || sources.isBlank()) return;
        List<String> kept = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (String part : SOURCE_SEPARATOR.split(sources.strip())) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            if (HttpUrls.parseHttpUrl(p).isPresent()) {
                kept.add(p);
                continue;
            }
            cited.add(p);
            var urls = QUOTED_URL.matcher(p);
            while (urls.find()) {
                String u = urls.group().replaceAll("[.,;:]+$", "");
                if (HttpUrls.parseHttpUrl(u).isPresent() && !kept.contains(u)) kept.add(u);
            }
        }
        if (cited.isEmpty()) return;
        raw.put("sources", String.join(EntryValidator.SOURCE_SEPARATOR, kept));
        String notes = raw.get("notes") == null ? "" : raw.get("notes").strip();
        raw.put("notes", (notes.isEmpty() ? "" : notes + "; ") + "cited: " + String.join("; ", cited));
    }

    /** Why a row names several blogs in one cell ("a ; b"), or null: one row a blog, as the seed splits them. */
    static String severalAddresses(Map<String, String> raw) {
        for (String field : List.of("blog_url", "feed_url")) {
            String v = raw.get(field);
            if (v == null) continue;
            String[] parts = SOURCE_SEPARATOR.split(v.strip());
            if (parts.length > 1) {
                return field + ": holds " + parts.length + " addresses; one row a blog: give each its own row (with"
                        + " the same name) and its own feed";
            }
        }
        return null;
    }

    private static boolean isBlankRecord(CSVRecord record) {
        for (String v : record) if (!v.isBlank()) return false;
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    /**
     * Decodes UTF-8, turning invalid byte sequences into U+FFFD so that only the rows containing them are
     * rejected (the validator refuses any field with U+FFFD) and the rest of the file is still read.
     */
    static String decodeUtf8Leniently(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
