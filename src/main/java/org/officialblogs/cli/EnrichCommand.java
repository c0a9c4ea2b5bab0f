package org.officialblogs.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.discover.DiscoveryService;
import org.officialblogs.discover.WikidataEnrichment;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.HttpUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code enrich wikidata}: Wikidata ids for officials already listed. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Add facts from open data to officials already in the registry.",
        subcommands = {EnrichCommand.Wikidata.class})
public final class EnrichCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wikidata", mixinStandardHelpOptions = true,
            description = "Find the Wikidata item of each listed official without one, by name (its label in the"
                    + " country's languages), country (citizenship) and position. One fitting item is set at once;"
                    + " several are proposed to moderators at /admin/wikidata.")
    static final class Wikidata implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ConfigOptions options;
        @Option(names = "--country", paramLabel = "CC", description = "Only officials of this country")
        String country;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Most officials to look up (default 1000)")
        int limit;
        @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint (env OFFICIALBLOGS_WIKIDATA_ENDPOINT)")
        String endpoint;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String cc = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
            if (cc != null && !Countries.isValid(cc)) {
                err.println("Cannot enrich: --country " + country + " is not an ISO 3166-1 alpha-2 country code.");
                return 2;
            }
            if (limit < 1) {
                err.println("Cannot enrich: --limit must be 1 or more.");
                return 2;
            }
            URI endpointUri = null;
            if (endpoint != null) {
                endpointUri = HttpUrls.parseHttpUrl(endpoint).orElse(null);
                if (endpointUri == null) {
                    err.println("Cannot enrich: --endpoint " + endpoint + " " + HttpUrls.whyNotHttpUrl(endpoint) + ".");
                    return 2;
                }
            }
            Config config = options.config(Map.of());
            DiscoverCommand.warnAboutUserAgent(config, err);
            URI asked = endpointUri;
            try (App app = new App(config)) {
                WikidataEnrichment.Report report = app.wikidataEnrichment.run(asked, cc, limit, new DiscoveryService.Listener() {
                    @Override
                    public void notice(String line) {
                        err.println(line);
                        err.flush();
                    }

                    @Override
                    public void checked(int done, int total) {
                        err.println("looked up " + done + " of " + total);
                        err.flush();
                    }
                });
                report.lines().forEach(out::println);
                out.println(report.summary());
                if (report.proposed() > 0) out.println("Choose at " + config.serve().baseUrl() + "/admin/wikidata.");
                return 0;
            } catch (DiscoveryService.DiscoveryException e) {
                err.println("Enrichment failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
