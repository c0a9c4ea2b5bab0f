package org.officialblogs.registry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed registry already loaded into a SQLite database by the build, beside the jar: a new data directory starts
 * from a copy of it instead of importing the seed row by row, which cost more than half of the first start. The
 * build's class-data training run makes it (a {@code VACUUM INTO} copy taken right after it loaded the seed into a
 * new database, so it holds the seed and the schema and nothing else); its name carries a digest of the seed it was
 * made from, so a jar with another seed never takes it. The copy's schema is then migrated as any database's is.
 * Without the file (a build that skipped it, the tests, PostgreSQL) the seed is imported as before.
 */
public final class PreparedSeed {

    private static final Logger log = LoggerFactory.getLogger(PreparedSeed.class);
    static final String PREFIX = "official-blogs-seed-";
    static final String SUFFIX = ".db";

    private PreparedSeed() {
    }

    /** The prepared database's file name for this seed: the prefix, 16 hex digits of its SHA-256, the suffix. */
    public static String fileName(byte[] seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed);
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The prepared database for the bundled seed in {@code dir}, when the build left one there. */
    public static Optional<Path> in(Path dir) {
        byte[] seed = SeedLoader.bundledSeed();
        if (dir == null || seed == null) return Optional.empty();
        Path file = dir.resolve(fileName(seed));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The folder of the jar the application runs from; empty when it runs from classes (tests, an IDE). */
    public static Optional<Path> jarFolder() {
        try {
            var source = PreparedSeed.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.ofNullable(location.toAbsolutePath().getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Copies the prepared database to {@code database} when no database is there yet (nor its write-ahead log);
     * false when it left things as they were. The copy is written beside the target and renamed into place, so an
     * interrupted start never leaves half a database; a failed copy is logged and the seed is then imported.
     */
    public static boolean copyIfNew(Path prepared, Path database) {
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        if (Files.exists(database) || Files.exists(wal)) return false;
        long started = System.nanoTime();
        Path partial = database.toAbsolutePath().resolveSibling("." + database.getFileName() + ".seed-partial");
        try {
            Files.createDirectories(partial.getParent());
            Files.copy(prepared, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
            log.info("seed loaded from the build's prepared database {} ms={}", prepared.getFileName(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException e) {
            log.warn("prepared seed database {} not copied to {} ({}): importing the seed instead", prepared, database,
                    e.toString());
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is hidden and replaced on the next try
            }
            return false;
        }
    }

    /** Removes prepared databases left in {@code dir} by earlier builds. */
    public static void removeOld(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : old) Files.deleteIfExists(p);
        }
    }
}
