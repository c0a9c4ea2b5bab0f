package org.officialblogs.discover;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for the Wikidata items proposed for listed officials, and the officials still without one. */
public final class WikidataMatchDao {

    /** A listed official without a Wikidata id. */
    public record Unmatched(long id, String name, String office, String country) {}

    /** An official with the items proposed for it. */
    public record Proposed(long officialId, String name, String office, String country, List<WikidataMatch> items) {}

    private final Jdbi jdbi;

    public WikidataMatchDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Officials without a Wikidata id (of one country, when given) that have no pending proposals yet. */
    public List<Unmatched> unmatched(String country, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, name, office, country FROM official o
                WHERE wikidata_id IS NULL AND (:country IS NULL OR country = :country)
                  AND NOT EXISTS (SELECT 1 FROM wikidata_match m WHERE m.official_id = o.id AND m.status = 'proposed')
                ORDER BY id LIMIT :limit
                """).bind("country", country).bind("limit", limit)
                .map((rs, ctx) -> new Unmatched(rs.getLong("id"), rs.getString("name"), rs.getString("office"),
                        rs.getString("country"))).list());
    }

    void propose(Handle h, long officialId, WikidataMatch m, Instant at) {
        h.createUpdate("""
                INSERT INTO wikidata_match (official_id, wikidata_id, label, description, positions, status, proposed_at)
                VALUES (:o, :q, :label, :description, :positions, 'proposed', :at)
                ON CONFLICT (official_id, wikidata_id) DO NOTHING
                """).bind("o", officialId).bind("q", m.wikidataId()).bind("label", m.label())
                .bind("description", m.description()).bind("positions", String.join(" ; ", m.positions()))
                .bind("at", at).execute();
    }

    /** Proposals waiting for a moderator, by official. */
    public List<Proposed> proposed(int limit) {
        Map<Long, Proposed> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT m.*, o.name AS o_name, o.office AS o_office, o.country AS o_country
                FROM wikidata_match m JOIN official o ON o.id = m.official_id
                WHERE m.status = 'proposed' AND o.wikidata_id IS NULL
                ORDER BY m.official_id, m.wikidata_id LIMIT :limit
                """).bind("limit", limit).map((rs, ctx) -> {
                    long id = rs.getLong("official_id");
                    Proposed p = out.computeIfAbsent(id, k -> {
                        try {
                            return new Proposed(id, rs.getString("o_name"), rs.getString("o_office"),
                                    rs.getString("o_country"), new java.util.ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String positions = rs.getString("positions");
                    p.items().add(new WikidataMatch(rs.getString("wikidata_id"), rs.getString("label"),
                            rs.getString("description"), List.of(),
                            positions == null || positions.isEmpty() ? List.of() : Arrays.asList(positions.split(" ; ")),
                            false));
                    return null;
                }).list());
        return List.copyOf(out.values());
    }

    public int countProposed() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(DISTINCT m.official_id) FROM wikidata_match m JOIN official o ON o.id = m.official_id
                WHERE m.status = 'proposed' AND o.wikidata_id IS NULL
                """).mapTo(Integer.class).one());
    }

    /** The items moderators already said are not this official. */
    public java.util.Set<String> dismissed(long officialId) {
        return jdbi.withHandle(h -> new java.util.HashSet<>(h.createQuery(
                "SELECT wikidata_id FROM wikidata_match WHERE official_id = :o AND status = 'dismissed'")
                .bind("o", officialId).mapTo(String.class).list()));
    }

    boolean isProposed(Handle h, long officialId, String wikidataId) {
        return h.createQuery("SELECT count(*) FROM wikidata_match WHERE official_id = :o AND wikidata_id = :q AND status = 'proposed'")
                .bind("o", officialId).bind("q", wikidataId).mapTo(Integer.class).one() > 0;
    }

    /** Marks the chosen item accepted (when one is chosen) and the official's other proposals dismissed. */
    void decide(Handle h, long officialId, String chosen, String actor, Instant at) {
        h.createUpdate("""
                UPDATE wikidata_match SET status = CASE WHEN wikidata_id = :q THEN 'accepted' ELSE 'dismissed' END,
                    decided_at = :at, decided_by = :actor
                WHERE official_id = :o AND status = 'proposed'
                """).bind("q", chosen).bind("at", at).bind("actor", actor).bind("o", officialId).execute();
    }
}
