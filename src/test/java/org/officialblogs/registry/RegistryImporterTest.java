package org.officialblogs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;

class RegistryImporterTest {

    static final String HEADER = String.join(",", EntryValidator.COLUMNS) + "\n";

    @TempDir
    Path dir;
    RegistryDao dao;
    RegistryImporter importer;

    @BeforeEach
    void setUp() {
        dao = new RegistryDao(TestDatabases.fresh(dir).jdbi());
        importer = new RegistryImporter(new RegistryService(dao, Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC)));
    }

    static String row(String name, String office, String country, String level, String branch, String blogUrl,
                      String feedUrl, String sources) {
        return String.join(",", csv(name), csv(office), country, "", "", level, branch, "", "", "", "", blogUrl, feedUrl,
                "", "", "", "", csv(sources), "") + "\n";
    }

    static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Test
    void goodBadAndDuplicateRowsGiveTheExpectedReportAndContent() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(HEADER.getBytes(StandardCharsets.UTF_8));
        // line 2: good, with a quoted office holding a comma and a quote
        file.write(row("Ann Example", "Mayor of \"Springfield\", Ward 3", "US", "local", "executive",
                "https://ann.example.org/", "", "https://city.example.gov/ann ; https://news.example.com/ann").getBytes(StandardCharsets.UTF_8));
        // line 3: missing name
        file.write(row("", "Minister", "GB", "national", "executive", "https://x.example.org/", "", "").getBytes(StandardCharsets.UTF_8));
        // line 4: bad country
        file.write(row("Bob Example", "Minister", "ZZ", "national", "executive", "https://bob.example.org/", "", "").getBytes(StandardCharsets.UTF_8));
        // line 5: bad URL
        file.write(row("Cat Example", "Senator", "US", "national", "legislative", "javascript:alert(1)", "", "").getBytes(StandardCharsets.UTF_8));
        // line 6: wrong column count
        file.write("Dan Example,Judge,US,,,national,judicial\n".getBytes(StandardCharsets.UTF_8));
        // line 7: non-UTF-8 bytes (Latin-1 e-acute) in the name
        file.write("Ren".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9);
        file.write(row(" Example", "Minister", "FR", "national", "executive", "https://rene.example.fr/", "", "")
                .getBytes(StandardCharsets.UTF_8));
        // line 8: line 2's blog again, by a URL variant (www., no trailing slash, tracking parameter), with a new
        // source: reported, not merged into line 2
        file.write(row("Ann Example", "Mayor of \"Springfield\", Ward 3", "US", "local", "executive",
                "http://www.ann.example.org?utm_source=list", "", "https://other.example.com/ann").getBytes(StandardCharsets.UTF_8));
        // line 9: a lead (no address), non-Latin name
        file.write(row("Пётр Пример", "Мэр", "RU", "local", "executive", "", "", "https://example.ru/about").getBytes(StandardCharsets.UTF_8));
        // line 10: same person, same office, same country as line 9 with different spacing and case: reported, not merged
        file.write(row("пётр  пример", "Мэр", "RU", "local", "executive", "", "", "https://example.ru/other").getBytes(StandardCharsets.UTF_8));
        // line 11: a good row without a source
        file.write(row("Eve Example", "Mayor", "US", "local", "executive", "https://eve.example.org/", "", "").getBytes(StandardCharsets.UTF_8));

        RegistryImporter.Report report = importer.importCsv(file.toByteArray(), Origin.IMPORT, "test.csv");

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).extracting(RegistryCsv.Rejection::toString).containsExactly(
                "line 3: name: is required",
                "line 4: country: 'ZZ' is not a country: give its two-letter ISO 3166-1 code (e.g. GB, US, FI, or EU)"
                        + " or its English name (e.g. United Kingdom)",
                "line 5: blog_url: 'javascript:alert(1)' uses the scheme 'javascript'; only http and https are accepted",
                "line 6: expected 19 fields, found 7",
                "line 7: name: contains bytes that are not valid UTF-8 (save the file as UTF-8)",
                "line 8: the same blog as line 2 of this file; one row a blog (put every source of it on that row)",
                "line 10: the same lead as line 9 of this file; one row a blog (put every source of it on that row)",
                "line 11: " + RegistryCsv.SOURCE_NEEDED);

        assertThat(dao.countOfficials()).isEqualTo(2);
        long annId = dao.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official WHERE name = 'Ann Example'").mapTo(Long.class).one());
        Official ann = dao.officialById(annId).orElseThrow();
        assertThat(ann.office()).isEqualTo("Mayor of \"Springfield\", Ward 3");
        assertThat(ann.origin()).isEqualTo(Origin.IMPORT);
        List<Blog> blogs = dao.blogsOf(annId);
        assertThat(blogs).singleElement().satisfies(b -> {
            assertThat(b.siteUrl()).isEqualTo("https://ann.example.org/");
            assertThat(b.status()).isEqualTo(ListingStatus.ACTIVE);
        });
        assertThat(dao.sourcesOf(annId)).extracting(Source::url).containsExactly(
                "https://city.example.gov/ann", "https://news.example.com/ann");
        long leadId = dao.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official WHERE country = 'RU'").mapTo(Long.class).one());
        assertThat(dao.blogsOf(leadId)).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(ListingStatus.LEAD);
            assertThat(b.address()).isNull();
        });
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        byte[] bytes = (HEADER + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/", "",
                "https://city.example.gov/ann")).getBytes(StandardCharsets.UTF_8);
        assertThat(importer.importCsv(bytes, Origin.IMPORT, "a").added()).isEqualTo(1);
        RegistryImporter.Report again = importer.importCsv(bytes, Origin.IMPORT, "a");
        assertThat(again.summary()).isEqualTo("added 0, updated 0, unchanged 1, rejected 0");
    }

    @Test
    void aLeadBecomesAListedBlogWhenItsAddressArrives() {
        importer.importCsv((HEADER + row("Ann Example", "Mayor", "US", "local", "executive", "", "", "https://city.example.gov/ann")).getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "a");
        RegistryImporter.Report r = importer.importCsv((HEADER + row("Ann Example", "Mayor", "US", "local", "executive",
                "https://ann.example.org/", "https://ann.example.org/feed/", "https://city.example.gov/ann")).getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "b");
        assertThat(r.updated()).isEqualTo(1);
        long id = dao.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official").mapTo(Long.class).one());
        assertThat(dao.blogsOf(id)).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(ListingStatus.ACTIVE);
            assertThat(b.feedUrl()).isEqualTo("https://ann.example.org/feed/");
        });
    }

    @Test
    void aFeedAddressGivenAsTheBlogAddressOfAnotherRowIsTheSameBlog() {
        importer.importCsv((HEADER + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/",
                "https://ann.example.org/feed/", "https://city.example.gov/ann")).getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "a");
        RegistryImporter.Report r = importer.importCsv((HEADER + row("Ann Example", "Mayor of Springfield", "US", "local", "executive",
                "https://ann.example.org/feed", "", "https://city.example.gov/ann")).getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "b");
        assertThat(r.updated()).isEqualTo(1);
        assertThat(dao.countOfficials()).isEqualTo(1);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        RegistryImporter.Report r = importer.importCsv("full_name,nation\nAnn,US\n".getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "x");
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(1);
            assertThat(rej.reason()).contains("unknown column(s) [full_name, nation]").contains("missing required column(s) [country, level, name, sources]");
        });
        assertThat(dao.countOfficials()).isZero();
    }

    @Test
    void anUnclosedQuoteKeepsTheRowsBeforeIt() {
        String text = HEADER + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/", "", "https://city.example.gov/ann")
                + "\"Broken,Mayor,US,,,local,executive,,,,,,,,,,,,\n";
        RegistryImporter.Report r = importer.importCsv(text.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "x");
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(3);
            assertThat(rej.reason()).contains("cannot be read from here on");
        });
    }

    @Test
    void inOneTransactionAConflictingRowIsRejectedAndTheRowsAroundItAreKept() {
        importer.importCsv((HEADER
                + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/", "", "https://city.example.gov/ann")
                + row("Bob Example", "Senator", "US", "national", "legislative", "https://bob.example.org/", "", "https://senate.example.gov/bob"))
                .getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "first");
        String text = HEADER
                + row("Cat Example", "Judge", "US", "national", "judicial", "https://cat.example.org/", "", "https://court.example.gov/cat")
                // the blog address is Ann's and the feed address is Bob's: two entries at once
                + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/", "https://bob.example.org/", "https://city.example.gov/ann")
                + row("Dan Example", "Minister", "GB", "national", "executive", "https://dan.example.org/", "", "https://gov.example.uk/dan");

        RegistryImporter.Report r = dao.jdbi().inTransaction(h -> importer.importCsv(h, text.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "one"));

        assertThat(r.added()).isEqualTo(2);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(3);
            assertThat(rej.reason()).contains("two different entries");
        });
        assertThat(dao.countOfficials()).isEqualTo(4);
    }

    @Test
    void inOneTransactionAFailureLeavesNoRowBehind() {
        String text = HEADER
                + row("Ann Example", "Mayor", "US", "local", "executive", "https://ann.example.org/", "", "https://city.example.gov/ann")
                + row("Bob Example", "Senator", "US", "national", "legislative", "https://bob.example.org/", "", "https://senate.example.gov/bob");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dao.jdbi().useTransaction(h -> {
            assertThat(importer.importCsv(h, text.getBytes(StandardCharsets.UTF_8), Origin.SEED, "seed").added()).isEqualTo(2);
            throw new IllegalStateException("stopped before the commit");
        })).hasMessageContaining("stopped before the commit");

        assertThat(dao.countOfficials()).isZero();
    }
}
