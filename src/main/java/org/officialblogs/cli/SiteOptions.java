package org.officialblogs.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The data options and the site's public address, for commands that write links to the site. */
public class SiteOptions extends DataOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = "Public address of the site (env OFFICIALBLOGS_BASE_URL)")
    String baseUrl;

    @Override
    Map<String, String> overrides() {
        Map<String, String> m = super.overrides();
        if (baseUrl != null) m.put("OFFICIALBLOGS_BASE_URL", baseUrl);
        return m;
    }
}
