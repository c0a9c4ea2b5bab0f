package org.officialblogs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code enrich wikidata}: Wikidata ids for officials already listed. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Add facts from open data to officials already in the registry.",
        subcommands = {})
public final class EnrichCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
