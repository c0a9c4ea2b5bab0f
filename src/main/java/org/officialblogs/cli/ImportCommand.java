package org.officialblogs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryCsv;
import org.officialblogs.registry.RegistryImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code import FILE}: a registry CSV loaded row by row, bad rows reported and the good ones kept. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load a registry CSV (the seed format, see seed/README.md; columns in any order, optional ones"
                + " may be left out; the research files' format works too). Bad rows are reported with their line"
                + " number and skipped; known entries are updated, not duplicated. Exits with 1 when any row was"
                + " rejected, 2 when the file cannot be read.")
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataOptions options;
    @Parameters(paramLabel = "FILE", description = "CSV file to load")
    Path file;

    @Override
    public Integer call() throws IOException {
        Config config = options.config(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 2;
        }
        try (App app = new App(config)) {
            RegistryImporter.Report report = app.importer.importCsv(Files.readAllBytes(file), Origin.IMPORT,
                    file.getFileName().toString());
            for (RegistryCsv.Rejection r : report.rejected()) out.println("rejected " + file.getFileName() + " " + r);
            out.println(report.summary());
            out.flush();
            if (!report.rejected().isEmpty()) {
                err.println(report.rejected().size() + (report.rejected().size() == 1 ? " row was" : " rows were")
                        + " rejected (listed above); the other rows were imported. Fix the rejected rows and import"
                        + " the file again: rows already imported are left unchanged.");
                return 1;
            }
        }
        return 0;
    }
}
