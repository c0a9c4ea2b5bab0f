package org.officialblogs.discover;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.RegistryService;

/**
 * {@code enrich wikidata}: finds the Wikidata items of listed officials without one, by name, country (citizenship)
 * and position. An item that alone fits is set at once (audited as the command's doing); several that fit are
 * proposed to moderators, who pick one at /admin/wikidata or dismiss them all.
 */
public final class WikidataEnrichment {

    /** Officials asked about in one query. */
    static final int BATCH = 20;
    public static final String ACTOR = "enrich wikidata";

    /** What a run did. */
    public record Report(int officials, int set, int proposed, int none, List<String> lines) {
        public String summary() {
            return "officials without a Wikidata id: " + officials + "; set " + set + ", proposed to moderators "
                    + proposed + ", no item found " + none;
        }
    }

    private final WikidataMatchDao dao;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Function<URI, WikidataClient> clients;
    private final URI defaultEndpoint;
    private final Clock clock;

    public WikidataEnrichment(WikidataMatchDao dao, RegistryService registry, AuditLog audit,
                              Function<URI, WikidataClient> clients, URI defaultEndpoint, Clock clock) {
        this.dao = dao;
        this.registry = registry;
        this.audit = audit;
        this.clients = clients;
        this.defaultEndpoint = defaultEndpoint;
        this.clock = clock;
    }

    public Report run(URI endpoint, String country, int limit, DiscoveryService.Listener listener)
            throws DiscoveryService.DiscoveryException {
        WikidataClient client = clients.apply(endpoint != null ? endpoint : defaultEndpoint);
        List<WikidataMatchDao.Unmatched> officials = dao.unmatched(country, limit);
        Map<String, List<WikidataMatchDao.Unmatched>> byCountry = new LinkedHashMap<>();
        for (var o : officials) byCountry.computeIfAbsent(o.country(), k -> new ArrayList<>()).add(o);
        int set = 0;
        int proposed = 0;
        int none = 0;
        List<String> lines = new ArrayList<>();
        try {
            Map<String, List<String>> languages = languages(client, byCountry.keySet(), listener);
            for (var e : byCountry.entrySet()) {
                List<String> langs = new ArrayList<>(languages.getOrDefault(e.getKey(), List.of()));
                for (String l : List.of("mul", "en")) if (!langs.contains(l)) langs.add(l);
                List<WikidataMatchDao.Unmatched> list = e.getValue();
                for (int i = 0; i < list.size(); i += BATCH) {
                    List<WikidataMatchDao.Unmatched> batch = list.subList(i, Math.min(list.size(), i + BATCH));
                    Set<String> names = new LinkedHashSet<>();
                    batch.forEach(o -> names.add(o.name()));
                    SparqlResults res = client.select(WikidataQueries.peopleNamed(names, langs),
                            batch.size() + " names of " + e.getKey(), listener::notice);
                    Map<String, WikidataMatch> items = WikidataMatcher.items(res.rows());
                    for (var o : batch) {
                        Set<String> dismissed = dao.dismissed(o.id());
                        Map<String, WikidataMatch> open = new LinkedHashMap<>(items);
                        open.keySet().removeAll(dismissed);
                        WikidataMatcher.Matches m = WikidataMatcher.match(o.name(), o.country(), o.office(), open);
                        if (m.items().isEmpty()) {
                            none++;
                        } else if (m.sure()) {
                            set(o, m.items().get(0));
                            lines.add("#" + o.id() + " " + o.name() + ": " + m.items().get(0).wikidataId());
                            set++;
                        } else {
                            dao.jdbi().useTransaction(h -> {
                                for (WikidataMatch w : m.items()) dao.propose(h, o.id(), w, clock.instant());
                            });
                            lines.add("#" + o.id() + " " + o.name() + ": " + m.items().size() + " items fit ("
                                    + String.join(", ", m.items().stream().map(WikidataMatch::wikidataId).toList())
                                    + "); a moderator picks one");
                            proposed++;
                        }
                    }
                    listener.checked(Math.min(officials.size(), officialsBefore(byCountry, e.getKey()) + i + batch.size()),
                            officials.size());
                }
            }
        } catch (WikidataClient.QueryFailedException ex) {
            throw new DiscoveryService.DiscoveryException(ex.getMessage() + " What was set or proposed before stays.");
        }
        return new Report(officials.size(), set, proposed, none, lines);
    }

    private static int officialsBefore(Map<String, List<WikidataMatchDao.Unmatched>> byCountry, String country) {
        int n = 0;
        for (var e : byCountry.entrySet()) {
            if (e.getKey().equals(country)) break;
            n += e.getValue().size();
        }
        return n;
    }

    private Map<String, List<String>> languages(WikidataClient client, Set<String> countries, DiscoveryService.Listener l)
            throws WikidataClient.QueryFailedException {
        List<String> codes = countries.stream().filter(c -> !c.equals("EU")).toList();
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (codes.isEmpty()) return out;
        SparqlResults res = client.select(WikidataQueries.countries(codes), "the countries " + String.join(", ", codes), l::notice);
        for (SparqlResults.Row r : res.rows()) {
            String code = r.value("code");
            String lang = r.value("language");
            if (code == null || lang == null || !lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) continue;
            List<String> langs = out.computeIfAbsent(code.toUpperCase(Locale.ROOT), k -> new ArrayList<>());
            if (!langs.contains(lang) && langs.size() < 3) langs.add(lang);
        }
        return out;
    }

    private void set(WikidataMatchDao.Unmatched o, WikidataMatch item) {
        dao.jdbi().useTransaction(h -> registry.setWikidataId(h, o.id(), item.wikidataId()).ifPresent(change ->
                audit.record(h, ACTOR, "official.wikidata", "official", o.id(), "Set the Wikidata item of official #"
                        + o.id() + " (" + o.name() + ") to " + item.wikidataId() + ": the only person of that name"
                        + " and country" + (item.positionMatches() ? " in that office" : ""), change[0], change[1])));
    }

    // ---- moderators

    public List<WikidataMatchDao.Proposed> proposed(int limit) {
        return dao.proposed(limit);
    }

    public int countProposed() {
        return dao.countProposed();
    }

    /** A moderator picks one of the proposed items; returns what was done, or throws with why not. */
    public String accept(long officialId, String wikidataId, String actor) {
        return dao.jdbi().inTransaction(h -> {
            if (!WikidataIds.isItem(wikidataId) || !dao.isProposed(h, officialId, wikidataId)) {
                throw new IllegalArgumentException(wikidataId + " is not among the items proposed for official #" + officialId + ".");
            }
            Official[] change = registry.setWikidataId(h, officialId, wikidataId).orElseThrow(
                    () -> new IllegalArgumentException("There is no official number " + officialId + "."));
            dao.decide(h, officialId, wikidataId, actor, clock.instant());
            audit.record(h, actor, "official.wikidata", "official", officialId, "Chose the Wikidata item " + wikidataId
                    + " for official #" + officialId + " (" + change[1].name() + ")", change[0], change[1]);
            return change[1].name() + " is now " + wikidataId + ".";
        });
    }

    /** A moderator says none of the proposed items is the official. */
    public String dismiss(long officialId, String actor) {
        return dao.jdbi().inTransaction(h -> {
            dao.decide(h, officialId, null, actor, clock.instant());
            audit.record(h, actor, "official.wikidata.dismiss", "official", officialId,
                    "Dismissed the Wikidata items proposed for official #" + officialId, null, null);
            return "The proposed items were dismissed for official #" + officialId + ".";
        });
    }
}
