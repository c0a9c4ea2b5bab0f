package org.officialblogs.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the seed registry bundled in the jar (seed/officials.csv) into an empty database. */
public final class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
    public static final String RESOURCE = "seed/officials.csv";

    private final RegistryDao dao;
    private final RegistryImporter importer;

    public SeedLoader(RegistryDao dao, RegistryImporter importer) {
        this.dao = dao;
        this.importer = importer;
    }

    /** Imports the seed when the registry has no official yet; empty when there was nothing to do. */
    public Optional<RegistryImporter.Report> loadIfEmpty() {
        if (dao.countOfficials() > 0) {
            log.debug("seed not loaded: the registry already has entries");
            return Optional.empty();
        }
        byte[] bytes = bundledSeed();
        if (bytes == null) {
            log.warn("seed not loaded: {} is not in the application's classpath", RESOURCE);
            return Optional.empty();
        }
        long started = System.nanoTime();
        // one transaction: a single commit for the whole seed, and all of it or none if the start is interrupted
        RegistryImporter.Report report = dao.jdbi().inTransaction(h -> importer.importCsv(h, bytes, Origin.SEED, RESOURCE));
        for (RegistryCsv.Rejection r : report.rejected()) log.warn("seed row rejected {}", r);
        log.info("seed loaded {} ms={}", report.summary(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(report);
    }

    /** The seed CSV in the application's classpath, or null when it is not there. */
    public static byte[] bundledSeed() {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
