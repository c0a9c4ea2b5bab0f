package org.officialblogs.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a registry CSV: each good row is added or updates its existing entry (one transaction per row, so a
 * crash keeps every row already done; or all in the caller's one transaction), each bad row is reported with its
 * line number, and a summary counts them.
 */
public final class RegistryImporter {

    private static final Logger log = LoggerFactory.getLogger(RegistryImporter.class);

    /** The outcome of one import. */
    public record Report(int added, int updated, int unchanged, List<RegistryCsv.Rejection> rejected) {
        public String summary() {
            return "added " + added + ", updated " + updated + ", unchanged " + unchanged + ", rejected " + rejected.size();
        }
    }

    private final RegistryService service;

    public RegistryImporter(RegistryService service) {
        this.service = service;
    }

    public Report importCsv(byte[] bytes, Origin origin, String originRef) {
        return importCsv(bytes, origin, originRef, done -> {});
    }

    /** Imports and calls {@code progress} with the number of rows handled so far. */
    public Report importCsv(byte[] bytes, Origin origin, String originRef, Consumer<Integer> progress) {
        return importRows(bytes, originRef, entry -> service.upsert(entry, origin, originRef), progress);
    }

    /**
     * Imports inside the caller's transaction: every good row or, when the transaction fails, none (the seed: one
     * commit instead of one per row, and an interrupted load leaves the registry empty, so it is loaded again at
     * the next start). A row in conflict is rejected before it writes anything, so the others still go in.
     */
    public Report importCsv(Handle h, byte[] bytes, Origin origin, String originRef) {
        return importRows(bytes, originRef, entry -> service.upsert(h, entry, origin, originRef), done -> {});
    }

    private Report importRows(byte[] bytes, String originRef, Function<RegistryEntry, RegistryService.UpsertResult> upsert,
                              Consumer<Integer> progress) {
        RegistryCsv.Parsed parsed = RegistryCsv.parse(bytes);
        int added = 0, updated = 0, unchanged = 0, done = 0;
        List<RegistryCsv.Rejection> rejected = new ArrayList<>(parsed.rejections());
        for (RegistryCsv.Row row : parsed.rows()) {
            try {
                switch (upsert.apply(row.entry()).outcome()) {
                    case ADDED -> added++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (RegistryService.ConflictException e) {
                rejected.add(new RegistryCsv.Rejection(row.line(), e.getMessage()));
            }
            progress.accept(++done);
        }
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        Report report = new Report(added, updated, unchanged, List.copyOf(rejected));
        log.info("registry import done ref={} {}", originRef, report.summary());
        return report;
    }
}
