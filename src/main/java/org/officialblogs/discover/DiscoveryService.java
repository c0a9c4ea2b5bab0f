package org.officialblogs.discover;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.json.Json;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A discovery run: read candidates from a source (the Wikidata Query Service, a Popolo file), store them (new ones
 * added, known ones updated, all or nothing), then check each with the crawler ({@link BlogChecker}) in parallel,
 * one check per host at a time, and sum it up in one line. A source that cannot be read ends the run with a message
 * and stores nothing.
 */
public final class DiscoveryService {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryService.class);
    private static final ObjectMapper JSON = Json.mapper();

    /** Positions asked about per class query: keeps the query's URL short. */
    static final int CLASS_BATCH = 100;
    /** Candidates waiting for a worker at most: the rest stay in the database until there is room. */
    static final int QUEUE_CAPACITY = 4_096;

    /** Hears about a run while it goes. */
    public interface Listener {
        /** A line for the person running it: what is being asked, why nothing moves. */
        void notice(String line);

        /** The checks: how many are done out of how many. */
        void checked(int done, int total);

        Listener NONE = new Listener() {
            @Override
            public void notice(String line) { }

            @Override
            public void checked(int done, int total) { }
        };
    }

    /** A discovery that could not run; the message says why, for the person who started it. */
    public static final class DiscoveryException extends Exception {
        private final boolean badInput;

        public DiscoveryException(String message) {
            this(message, false);
        }

        public DiscoveryException(String message, boolean badInput) {
            super(message);
            this.badInput = badInput;
        }

        /** True when what was asked cannot work (fix the options); false when the source failed (try again). */
        public boolean badInput() {
            return badInput;
        }
    }

    /**
     * @param countries     ISO 3166-1 alpha-2 codes
     * @param positions     Wikidata items of positions to keep (all positions when empty)
     * @param endpoint      the SPARQL endpoint; null for the configured one
     * @param limit         most candidates to take from the source (0: all)
     * @param check         check each candidate with the crawler now
     */
    public record WikidataRequest(List<String> countries, List<String> positions, boolean includeFormer, URI endpoint,
                                  int limit, boolean check) {}

    /**
     * @param content  the file's bytes, or null to download {@code url}
     * @param name     the file's name (or the URL), for messages and provenance
     */
    public record PopoloRequest(byte[] content, URI url, String name, String country, Level level, String language,
                                boolean includeFormer, int limit, boolean check) {}

    /** What the checks of a run found, over all the run's candidates. */
    public record Outcomes(int withFeed, int active, Map<String, Integer> failedByKind) {
        public int failed() {
            return failedByKind.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The end of a run. */
    public record Report(long runId, int proposed, CandidateDao.StoreCounts stored, int checked, Outcomes outcomes,
                         List<String> problems) {

        /** {@code candidates: N new, N updated, N unchanged; with a feed N, active in 90 days N; failed N (kind N, ...)} */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "candidates: %d new, %d updated, %d unchanged; with a feed %d, active in 90 days %d; failed %d",
                    stored.added(), stored.updated(), stored.unchanged(), outcomes.withFeed(), outcomes.active(),
                    outcomes.failed()));
            if (!outcomes.failedByKind().isEmpty()) {
                List<String> parts = new ArrayList<>();
                outcomes.failedByKind().forEach((k, n) -> parts.add(k + " " + n));
                s.append(" (").append(String.join(", ", parts)).append(')');
            }
            return s.toString();
        }
    }

    private final CandidateDao dao;
    private final PositionTable table;
    private final Function<URI, WikidataClient> clients;
    private final URI defaultEndpoint;
    private final Fetcher sourceFetcher;
    private final BlogChecker checker;
    private final Clock clock;
    private final int workers;
    private final Duration recheckAfter;

    /**
     * @param clients       a query client for an endpoint (one fetcher of their own, one request at a time)
     * @param sourceFetcher downloads Popolo files (robots.txt and the address guard apply)
     * @param workers       checks in progress at once; the crawler's fetcher still caps requests in flight
     * @param recheckAfter  a candidate checked more recently than this is not checked again by a new run
     */
    public DiscoveryService(CandidateDao dao, PositionTable table, Function<URI, WikidataClient> clients,
                            URI defaultEndpoint, Fetcher sourceFetcher, BlogChecker checker, Clock clock, int workers,
                            Duration recheckAfter) {
        this.dao = dao;
        this.table = table;
        this.clients = clients;
        this.defaultEndpoint = defaultEndpoint;
        this.sourceFetcher = sourceFetcher;
        this.checker = checker;
        this.clock = clock;
        this.workers = workers;
        this.recheckAfter = recheckAfter;
    }

    public PositionTable positionTable() {
        return table;
    }

    // ---- Wikidata

    public Report wikidata(WikidataRequest r, Listener listener) throws DiscoveryException {
        List<String> countries = new ArrayList<>();
        for (String c : r.countries()) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (code.equals("EU") || !Countries.isValid(code)) {
                throw new DiscoveryException("'" + c + "' is not a country code Wikidata knows (ISO 3166-1 alpha-2, e.g. DE, FR, JP).", true);
            }
            if (!countries.contains(code)) countries.add(code);
        }
        if (countries.isEmpty()) throw new DiscoveryException("Name at least one country with --country (e.g. --country DE).", true);
        for (String p : r.positions()) {
            if (!WikidataIds.isItem(p)) {
                throw new DiscoveryException("'" + p + "' is not a Wikidata item id (Q followed by digits, e.g. Q1939555).", true);
            }
        }
        URI endpoint = r.endpoint() != null ? r.endpoint() : defaultEndpoint;
        WikidataClient client = clients.apply(endpoint);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("countries", countries);
        params.put("positions", r.positions());
        params.put("include_former", r.includeFormer());
        params.put("endpoint", endpoint.toString());
        params.put("limit", r.limit());
        long run = dao.startRun(CandidateSource.WIKIDATA, "Wikidata Query Service " + endpoint + ": "
                + String.join(", ", countries), json(params), clock.instant());
        List<Proposal> proposals;
        List<String> problems;
        try {
            Map<String, WikidataHolders.Country> byId = countries(client, countries, listener);
            // one country at a time, so each person's name comes in their country's languages, not a neighbour's
            List<SparqlResults.Row> rows = new ArrayList<>();
            Set<String> pairs = new HashSet<>();
            for (WikidataHolders.Country c : byId.values()) {
                if (r.limit() > 0 && pairs.size() >= r.limit()) break;
                holders(client, c, r, rows, pairs, listener);
            }
            Map<String, Set<String>> classes = classes(client, rows, listener);
            WikidataHolders.Result read = new WikidataHolders(table).read(rows, byId, classes, r.includeFormer(),
                    clock.instant());
            proposals = limit(read.proposals(), r.limit());
            problems = read.problems();
            listener.notice("Wikidata: " + read.people() + " people, " + read.proposals().size() + " addresses"
                    + (proposals.size() < read.proposals().size() ? ", the first " + proposals.size() + " taken (--limit)" : "")
                    + (problems.isEmpty() ? "" : "; " + problems.size() + " left out (see above)"));
        } catch (WikidataClient.QueryFailedException e) {
            dao.finishRun(run, null, e.getMessage(), clock.instant());
            throw new DiscoveryException(e.getMessage() + " Nothing was stored.");
        }
        return finish(run, proposals, problems, r.check(), listener);
    }

    private Map<String, WikidataHolders.Country> countries(WikidataClient client, List<String> codes, Listener listener)
            throws WikidataClient.QueryFailedException, DiscoveryException {
        SparqlResults res = client.select(WikidataQueries.countries(codes), "the countries " + String.join(", ", codes),
                listener::notice);
        Map<String, String> codeById = new LinkedHashMap<>();
        Map<String, List<String>> languagesById = new HashMap<>();
        for (SparqlResults.Row row : res.rows()) {
            String id = row.entityId("country");
            String code = row.value("code");
            if (id == null || code == null) continue;
            codeById.putIfAbsent(id, code.toUpperCase(Locale.ROOT));
            String lang = row.value("language");
            List<String> langs = languagesById.computeIfAbsent(id, k -> new ArrayList<>());
            if (lang != null && lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") && !langs.contains(lang)) langs.add(lang);
        }
        Set<String> found = new HashSet<>(codeById.values());
        List<String> missing = codes.stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new DiscoveryException("Wikidata has no current country with the ISO code " + String.join(", ", missing)
                    + " (property P297). Nothing was stored.");
        }
        Map<String, WikidataHolders.Country> out = new LinkedHashMap<>();
        codeById.forEach((id, code) -> {
            List<String> langs = languagesById.getOrDefault(id, List.of()).stream().sorted().toList();
            out.put(id, new WikidataHolders.Country(id, code, langs));
        });
        return out;
    }

    /** Adds the pages of one country's holders to {@code rows}; {@code pairs} counts person-address pairs for --limit. */
    private void holders(WikidataClient client, WikidataHolders.Country country, WikidataRequest r,
                         List<SparqlResults.Row> rows, Set<String> pairs, Listener listener)
            throws WikidataClient.QueryFailedException {
        int pageSize = WikidataQueries.DEFAULT_PAGE_SIZE;
        List<String> languages = WikidataHolders.labelLanguages(country);
        for (int page = 1; ; page++) {
            String query = WikidataQueries.holders(List.of(country.wikidataId()), r.positions(), languages,
                    r.includeFormer(), pageSize, (page - 1) * pageSize);
            SparqlResults res = client.select(query, "page " + page + " of the office holders in " + country.isoCode(),
                    listener::notice);
            rows.addAll(res.rows());
            for (SparqlResults.Row row : res.rows()) pairs.add(row.value("person") + " " + row.value("url"));
            listener.notice("Wikidata: " + country.isoCode() + " page " + page + ", " + res.rows().size() + " rows ("
                    + rows.size() + " so far)");
            if (res.rows().size() < pageSize) break;
            if (r.limit() > 0 && pairs.size() >= r.limit()) break;
        }
    }

    private Map<String, Set<String>> classes(WikidataClient client, List<SparqlResults.Row> rows, Listener listener)
            throws WikidataClient.QueryFailedException {
        Set<String> unknown = new LinkedHashSet<>();
        for (SparqlResults.Row row : rows) {
            String p = row.entityId("position");
            if (p != null && table.match(p, Set.of()).isEmpty()) unknown.add(p);
        }
        Map<String, Set<String>> out = new HashMap<>();
        List<String> all = new ArrayList<>(unknown);
        for (int i = 0; i < all.size(); i += CLASS_BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + CLASS_BATCH));
            SparqlResults res = client.select(WikidataQueries.positionClasses(batch, table.ids()),
                    "the kinds of " + batch.size() + " positions", listener::notice);
            for (SparqlResults.Row row : res.rows()) {
                String p = row.entityId("position");
                String c = row.entityId("class");
                if (p != null && c != null) out.computeIfAbsent(p, k -> new HashSet<>()).add(c);
            }
        }
        return out;
    }

    // ---- Popolo

    public Report popolo(PopoloRequest r, Listener listener) throws DiscoveryException {
        String country = r.country() == null ? null : r.country().strip().toUpperCase(Locale.ROOT);
        if (country == null || !Countries.isValid(country)) {
            throw new DiscoveryException(country == null
                    ? "Say which country the file's officials serve with --country (e.g. --country FI): Popolo files do not carry it."
                    : "'" + r.country() + "' is not an ISO 3166-1 alpha-2 country code (e.g. FI, DE, EU).", true);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("file", r.name());
        params.put("country", country);
        params.put("level", r.level().code());
        params.put("include_former", r.includeFormer());
        params.put("limit", r.limit());
        long run = dao.startRun(CandidateSource.POPOLO, r.name(), json(params), clock.instant());
        byte[] content = r.content();
        if (content == null) {
            listener.notice("Downloading " + r.url());
            FetchResult f = sourceFetcher.fetch(new FetchRequest(r.url(), null, null,
                    "application/json, application/vnd.popolo+json;q=0.9, */*;q=0.1", false, Map.of()));
            if (!f.ok()) {
                String message = "Could not download " + r.url() + ": " + f.failure().label().toLowerCase(Locale.ROOT)
                        + (f.message() == null ? "" : " (" + f.message() + ")") + ". Nothing was stored.";
                dao.finishRun(run, null, message, clock.instant());
                throw new DiscoveryException(message);
            }
            content = f.body();
        }
        PopoloReader.Result read;
        try {
            read = new PopoloReader().read(content, new PopoloReader.Options(country, r.level(), r.includeFormer(),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), r.url() == null ? null : r.url().toString(),
                    r.name(), r.language()));
        } catch (PopoloReader.NotPopoloException e) {
            dao.finishRun(run, null, e.getMessage(), clock.instant());
            throw new DiscoveryException(e.getMessage() + ". Nothing was stored.", true);
        }
        List<Proposal> proposals = limit(read.proposals(), r.limit());
        listener.notice("Popolo: " + read.persons() + " persons; " + read.proposals().size() + " addresses from "
                + (read.persons() - read.withoutLinks() - read.former()) + " of them; " + read.withoutLinks()
                + " without a blog, feed or website link; " + read.former() + " no longer in office"
                + (read.former() > 0 && !r.includeFormer() ? " (--include-former keeps them)" : "")
                + (read.problems().isEmpty() ? "" : "; " + read.problems().size() + " records with problems (see above)"));
        return finish(run, proposals, read.problems(), r.check(), listener);
    }

    // ---- storing and checking

    private Report finish(long run, List<Proposal> proposals, List<String> problems, boolean check, Listener listener) {
        for (String p : problems) listener.notice("left out: " + p);
        CandidateDao.StoreCounts stored = dao.store(run, proposals, clock.instant());
        int checked = check ? check(run, listener) : 0;
        Report report = new Report(run, proposals.size(), stored, checked, outcomes(run), problems);
        dao.finishRun(run, report.summary(), null, clock.instant());
        log.info("discovery finished run={} proposed={} added={} updated={} unchanged={} checked={}", run,
                proposals.size(), stored.added(), stored.updated(), stored.unchanged(), checked);
        return report;
    }

    /**
     * Checks the run's candidates that are waiting (or were rejected, in case the evidence grew) and were not checked
     * recently; returns how many were checked.
     */
    public int check(long run, Listener listener) {
        Instant before = clock.instant().minus(recheckAfter);
        int total = dao.countToCheck(run, before);
        if (total == 0) return 0;
        HostFairQueue queue = new HostFairQueue(QUEUE_CAPACITY);
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(workers, total));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "discover-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        listener.checked(0, total);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    Optional<HostFairQueue.Item> item;
                    while ((item = queue.take()).isPresent()) {
                        try {
                            checkOne(item.get().id());
                        } finally {
                            queue.release(item.get().host());
                            listener.checked(done.incrementAndGet(), total);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            long after = 0;
            while (true) {
                List<CandidateDao.CheckTarget> batch = dao.toCheck(run, after, before, 500);
                if (batch.isEmpty()) break;
                for (CandidateDao.CheckTarget t : batch) queue.put(t.id(), t.host());
                after = batch.get(batch.size() - 1).id();
            }
            queue.close();
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("discovery checks still running run={} done={} total={}", run, done.get(), total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        return done.get();
    }

    private void checkOne(long id) {
        Candidate c = dao.byId(id).orElse(null);
        if (c == null) return;
        Evidence e;
        try {
            e = checker.check(new BlogChecker.Request(c.url(), c.kind(), c.feedHint(), c.name(), c.language()),
                    clock.instant());
        } catch (RuntimeException ex) {
            log.warn("candidate check failed candidateId={} url={} error={}", id, c.url(), ex.toString());
            e = Evidence.failed("error", "The check stopped on an unexpected error: " + ex);
        }
        dao.saveEvidence(id, e, EvidenceStrength.of(c.kind(), e), clock.instant());
    }

    private Outcomes outcomes(long run) {
        return dao.outcomes(run);
    }

    private static List<Proposal> limit(List<Proposal> proposals, int limit) {
        return limit > 0 && proposals.size() > limit ? List.copyOf(proposals.subList(0, limit)) : proposals;
    }

    private static String json(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
