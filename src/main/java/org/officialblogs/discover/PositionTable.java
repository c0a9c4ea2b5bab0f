package org.officialblogs.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;

/**
 * Which level and branch of government a Wikidata position belongs to: a table of positions (member of the German
 * Bundestag) and of classes of positions (mayor, minister) that moderators can read on the candidates page. A
 * position is matched by its own id first, then by the first class it is a subclass or instance of, in table order;
 * a position matched by neither is kept with its label and flagged for a moderator to place.
 */
public final class PositionTable {

    /** The resource the table is read from: {@code wikidata_id,label,level,branch,applies_to,basis}. */
    public static final String RESOURCE = "/discover/positions.csv";

    /**
     * One row.
     *
     * @param isClass true for a class of positions (mayor), matched through subclass-of and instance-of
     * @param basis   where the id and its meaning were checked
     */
    public record Entry(String wikidataId, String label, Level level, Branch branch, boolean isClass, String basis) {}

    /** How a position was placed. */
    public record Match(Entry entry, boolean byClass) {}

    private final List<Entry> entries;
    private final Map<String, Entry> byId = new LinkedHashMap<>();

    public PositionTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            if (byId.putIfAbsent(e.wikidataId(), e) != null) {
                throw new IllegalArgumentException("position table lists " + e.wikidataId() + " twice");
            }
        }
    }

    /** The table shipped with the application. */
    public static PositionTable standard() {
        try (InputStream in = PositionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            List<Entry> entries = new ArrayList<>();
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .setFormat(format).get();
            for (CSVRecord r : parser) {
                Level level = Level.parse(r.get("level")).orElseThrow(() -> new IllegalStateException(
                        RESOURCE + " line " + r.getRecordNumber() + ": bad level " + r.get("level")));
                Branch branch = Branch.parse(r.get("branch")).orElseThrow(() -> new IllegalStateException(
                        RESOURCE + " line " + r.getRecordNumber() + ": bad branch " + r.get("branch")));
                entries.add(new Entry(r.get("wikidata_id"), r.get("label"), level, branch,
                        "class".equals(r.get("applies_to")), r.get("basis")));
            }
            return new PositionTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every id in the table, to ask the query service which of them a position descends from. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The position's own row, else the first row (in table order) among the classes it belongs to. */
    public Optional<Match> match(String positionId, Collection<String> classIds) {
        Entry own = positionId == null ? null : byId.get(positionId);
        if (own != null) return Optional.of(new Match(own, false));
        for (Entry e : entries) {
            if (classIds.contains(e.wikidataId())) return Optional.of(new Match(e, true));
        }
        return Optional.empty();
    }
}
