package org.officialblogs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.discover.DiscoveryService;
import org.officialblogs.discover.WikidataIds;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.HttpUrls;
import org.officialblogs.registry.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code discover wikidata} and {@code discover popolo}: candidates from open data, checked by the crawler. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Find officials who may blog in open data (Wikidata, Popolo files), check each address with the"
                + " crawler (robots.txt, politeness and limits apply) and store them as candidates for moderators at"
                + " /admin/candidates. Re-running updates the candidates it finds again; rejected ones come back only"
                + " with stronger evidence.",
        subcommands = {DiscoverCommand.Wikidata.class, DiscoverCommand.Popolo.class})
public final class DiscoverCommand implements Runnable {

    /** Largest Popolo file read from disk (the download limit is the query fetcher's). */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wikidata", mixinStandardHelpOptions = true,
            description = "Ask the Wikidata Query Service for people holding a position in a country (its jurisdiction"
                    + " or country) who have an official blog (P1581), a web feed (P1019) or an official website (P856);"
                    + " current holders unless --include-former. Queries are paged and sent one at a time; a 429 or 503"
                    + " is answered by waiting out its Retry-After.")
    static final class Wikidata implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ConfigOptions options;
        @Option(names = "--country", paramLabel = "CC", required = true,
                description = "ISO 3166-1 alpha-2 code of a country; repeat for several")
        List<String> countries = new ArrayList<>();
        @Option(names = "--position", paramLabel = "QID",
                description = "Only this position (a Wikidata item, e.g. Q1939555); repeat for several")
        List<String> positions = new ArrayList<>();
        @Option(names = "--include-former", description = "Also people whose position has ended")
        boolean includeFormer;
        @Option(names = "--endpoint", paramLabel = "URL",
                description = "SPARQL endpoint (env OFFICIALBLOGS_WIKIDATA_ENDPOINT, default https://query.wikidata.org/sparql)")
        String endpoint;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
                description = "Most candidates to take (default: all)")
        int limit;
        @Option(names = "--no-check", description = "Store the candidates without checking them now")
        boolean noCheck;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> problems = new ArrayList<>();
            for (String c : countries) {
                String code = c.strip().toUpperCase(Locale.ROOT);
                if (!Countries.isValid(code) || code.equals("EU")) problems.add("--country " + c + " is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, JP)");
            }
            for (String p : positions) {
                if (!WikidataIds.isItem(p.strip())) problems.add("--position " + p + " is not a Wikidata item id (Q and digits, e.g. Q1939555)");
            }
            URI endpointUri = null;
            if (endpoint != null) {
                endpointUri = HttpUrls.parseHttpUrl(endpoint).orElse(null);
                if (endpointUri == null) problems.add("--endpoint " + endpoint + " " + HttpUrls.whyNotHttpUrl(endpoint));
            }
            if (limit < 0) problems.add("--limit must be 0 (all) or more");
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("Cannot discover: " + p + "."));
                return 2;
            }
            Config config = options.config(Map.of());
            warnAboutUserAgent(config, err);
            URI asked = endpointUri;
            try (App app = new App(config)) {
                DiscoveryService.Report report = withProgress(err, l -> app.discovery.wikidata(
                        new DiscoveryService.WikidataRequest(countries, positions.stream().map(String::strip).toList(),
                                includeFormer, asked, limit, !noCheck), l));
                printReport(report, config, out);
                return 0;
            } catch (DiscoveryService.DiscoveryException e) {
                err.println("Discovery failed: " + e.getMessage());
                return e.badInput() ? 2 : 1;
            }
        }
    }

    @Command(name = "popolo", mixinStandardHelpOptions = true,
            description = "Read a Popolo file (the EveryPolitician format) from disk or a URL: each person's links and"
                    + " contact details of type blog, website or rss, their Wikidata id, and their current membership"
                    + " as the office. Broken records are reported and skipped; a file that is not Popolo JSON stores nothing.")
    static final class Popolo implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "FILE|URL", description = "The Popolo JSON file, or its http(s) address")
        String file;
        @Option(names = "--country", paramLabel = "CC", required = true,
                description = "ISO 3166-1 alpha-2 code of the country the file's officials serve (Popolo files do not say)")
        String country;
        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "national",
                description = "Their level: international, national (default), regional or local")
        String level;
        @Option(names = "--language", paramLabel = "LANG", description = "The sites' likely language (ISO 639-1), to read their links")
        String language;
        @Option(names = "--include-former", description = "Also people whose memberships have all ended")
        boolean includeFormer;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Most candidates to take (default: all)")
        int limit;
        @Option(names = "--no-check", description = "Store the candidates without checking them now")
        boolean noCheck;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Level lvl = Level.parse(level).orElse(null);
            if (lvl == null) {
                err.println("Cannot discover: --level " + level + " is not one of international, national, regional, local.");
                return 2;
            }
            if (language != null && !language.matches("[a-z]{2,3}")) {
                err.println("Cannot discover: --language " + language + " is not a two- or three-letter language code (e.g. fi).");
                return 2;
            }
            if (limit < 0) {
                err.println("Cannot discover: --limit must be 0 (all) or more.");
                return 2;
            }
            byte[] content = null;
            URI url = null;
            if (file.startsWith("http://") || file.startsWith("https://")) {
                url = HttpUrls.parseHttpUrl(file).orElse(null);
                if (url == null) {
                    err.println("Cannot discover: " + file + " " + HttpUrls.whyNotHttpUrl(file) + ".");
                    return 2;
                }
            } else {
                Path path = Path.of(file);
                try {
                    if (Files.size(path) > MAX_FILE_BYTES) {
                        err.println("Cannot discover: " + file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB.");
                        return 2;
                    }
                    content = Files.readAllBytes(path);
                } catch (NoSuchFileException e) {
                    err.println("Cannot discover: there is no file " + file + ".");
                    return 2;
                } catch (IOException e) {
                    err.println("Cannot discover: " + file + " cannot be read (" + e.getMessage() + ").");
                    return 2;
                }
            }
            Config config = options.config(Map.of());
            try (App app = new App(config)) {
                byte[] bytes = content;
                URI from = url;
                String name = url != null ? url.toString() : Path.of(file).getFileName().toString();
                DiscoveryService.Report report = withProgress(err, l -> app.discovery.popolo(
                        new DiscoveryService.PopoloRequest(bytes, from, name, country, lvl, language, includeFormer,
                                limit, !noCheck), l));
                printReport(report, config, out);
                return 0;
            } catch (DiscoveryService.DiscoveryException e) {
                err.println("Discovery failed: " + e.getMessage());
                return e.badInput() ? 2 : 1;
            }
        }
    }

    /** A run with a progress bar over its checks (on stderr) and its notices as lines. */
    @FunctionalInterface
    interface Run {
        DiscoveryService.Report run(DiscoveryService.Listener listener) throws DiscoveryService.DiscoveryException;
    }

    static DiscoveryService.Report withProgress(PrintWriter err, Run run) throws DiscoveryService.DiscoveryException {
        try (ProgressDisplay display = ProgressDisplay.open("Checking", ProgressDisplay.terminal(System.console()), err)) {
            return run.run(new DiscoveryService.Listener() {
                @Override
                public synchronized void notice(String line) {
                    err.println(line);
                    err.flush();
                }

                @Override
                public void checked(int done, int total) {
                    display.update(done, total);
                }
            });
        }
    }

    static void printReport(DiscoveryService.Report report, Config config, PrintWriter out) {
        out.println(report.summary());
        out.println("Review them at " + config.serve().baseUrl() + "/admin/candidates (discovery run #" + report.runId() + ").");
        out.flush();
    }

    /** Wikimedia asks clients to say how to reach them; a localhost base URL says nothing. */
    static void warnAboutUserAgent(Config config, PrintWriter err) {
        String host = config.serve().baseUrl().getHost();
        if (host.equals("localhost") || host.startsWith("127.")) {
            err.println("Note: OFFICIALBLOGS_BASE_URL is " + config.serve().baseUrl() + ". The query service's User-Agent policy"
                    + " asks for a way to reach the operator: set it to your site's public address.");
        }
    }
}
