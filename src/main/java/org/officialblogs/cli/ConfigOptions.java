package org.officialblogs.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The options of commands that fetch from the web: the site's address goes into the crawler's User-Agent. */
public final class ConfigOptions extends SiteOptions {
    @Option(names = "--allow-private-network", description = "Let the crawler fetch loopback and private addresses; for tests and demos (env OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK)")
    Boolean allowPrivateNetwork;

    @Override
    Map<String, String> overrides() {
        Map<String, String> m = super.overrides();
        if (allowPrivateNetwork != null) m.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", allowPrivateNetwork.toString());
        return m;
    }
}
