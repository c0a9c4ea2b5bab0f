package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Official;

/**
 * `import FILE` as a civic group runs it: the research files' format (full country names, `source`, no branch),
 * columns in any order, optional columns left out, and an exit code that says whether any row was rejected.
 */
class ImportCommandTest {

    @TempDir
    Path dir;

    CommandRun run(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dir.resolve("data");
        return CommandRun.of("", all);
    }

    List<Official> officials() {
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.resolve("data").toString())))) {
            return app.registry.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official ORDER BY id")
                    .mapTo(Long.class).list()).stream().map(id -> app.registry.officialById(id).orElseThrow()).toList();
        }
    }

    @Test
    void theResearchFormatImportsWithCountryNamesAndAnInferredBranch() throws Exception {
        // the columns of the research files: full country names, `source`, no branch, no authorship
        Path file = Files.writeString(dir.resolve("research.csv"), """
                name,office,country,region,level,blog_url,feed_url,active_years,source
                Ann Example,"U.S. Senator, Nevada",United States,,national,https://ann.example.org/,,2007-2009,https://news.example.com/ann ; https://senate.example.gov/ann
                Ben Example,UK Ambassador to Serbia,United Kingdom,,international,https://ben.example.org/,https://ben.example.org/feed/,2012-,https://gov.example.uk/ben
                Cid Example,Mayor of the 15th arrondissement,France,Paris,local,,,c.2009,https://paris.example.fr/cid
                Dee Example,"President, Federal Reserve Bank of Somewhere",USA,,national,https://dee.example.org/,,2016-,https://fed.example.org/dee
                Eva Example,Member of the Riksdag,sweden,,national,https://eva.example.se/,,2020-,https://riksdag.example.se/eva
                Fay Example,Député,France,,national,https://fay.example.fr/,,,GitHub file id 1193 (list cites http://lists.example.fr/blogs.htm)
                Gus Example,Minister,Russia,,national,https://gus.example.ru/ ; https://gus.example.com/,,2008-,https://news.example.ru/gus
                """);
        CommandRun r = run("import", file.toString());
        // a citation that is not an address goes to the notes (its quoted address becomes the source); two blogs in
        // one row are refused with what to do
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("rejected research.csv line 8: blog_url: holds 2 addresses; one row a blog: give"
                + " each its own row").contains("added 6, updated 0, unchanged 0, rejected 1");
        List<Official> all = officials();
        assertThat(all).extracting(Official::country).containsExactly("US", "GB", "FR", "US", "SE", "FR");
        assertThat(all).extracting(Official::branch).containsExactly(Branch.LEGISLATIVE, Branch.DIPLOMATIC,
                Branch.EXECUTIVE, Branch.CENTRAL_BANK, Branch.LEGISLATIVE, Branch.OTHER);
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.resolve("data").toString())))) {
            var ann = app.registry.blogsOf(all.get(0).id()).get(0);
            assertThat(ann.activeYears()).isEqualTo("2007-2009");
            assertThat(ann.notes()).isEqualTo("branch legislative inferred from the office");
            assertThat(app.registry.sourcesOf(all.get(0).id())).hasSize(2);
            var fay = app.registry.blogsOf(all.get(5).id()).get(0);
            assertThat(fay.notes()).isEqualTo("branch other inferred from the office; cited: GitHub file id 1193 (list"
                    + " cites http://lists.example.fr/blogs.htm)");
            assertThat(app.registry.sourcesOf(all.get(5).id())).extracting(org.officialblogs.registry.Source::url)
                    .containsExactly("http://lists.example.fr/blogs.htm");
        }
    }

    @Test
    void columnsInAnyOrderAndOptionalOnesLeftOut() throws Exception {
        Path file = Files.writeString(dir.resolve("shuffled.csv"), """
                sources,level,Blog_URL,country,name,branch
                https://city.example.gov/ann,local,https://ann.example.org/,GB,Ann Example,executive
                https://city.example.gov/bob,local,https://bob.example.org/,Deutschland,Bob Example,executive
                """);
        CommandRun r = run("import", file.toString());
        // a country name in another language is not guessed at: the row is reported with what to write instead
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rejected shuffled.csv line 3: country: 'Deutschland' is not a country")
                .contains("added 1, updated 0, unchanged 0, rejected 1");
        assertThat(r.err()).contains("1 row was rejected (listed above); the other rows were imported.");
        assertThat(officials()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Ann Example");
            assertThat(o.office()).isEmpty();
            assertThat(o.branch()).isEqualTo(Branch.EXECUTIVE);
        });
    }

    @Test
    void exitCodesSayWhetherEveryRowWasImported() throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.csv"), """
                name,country,level,branch,blog_url,sources
                Ann Example,FI,local,executive,https://ann.example.org/,https://city.example.fi/ann
                Ann E.,FI,local,executive,http://www.ann.example.org,https://news.example.fi/ann
                Bob Example,FI,local,executive,https://bob.example.org/,
                """);
        CommandRun r = run("import", twice.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rejected twice.csv line 3: the same blog as line 2 of this file",
                "rejected twice.csv line 4: sources: at least one source is needed",
                "added 1, updated 0, unchanged 0, rejected 2");
        assertThat(r.err()).contains("2 rows were rejected");
        // the good row again: nothing rejected, exit 0
        Path good = Files.writeString(dir.resolve("good.csv"), """
                name,country,level,branch,blog_url,sources
                Ann Example,FI,local,executive,https://ann.example.org/,https://city.example.fi/ann
                """);
        assertThat(run("import", good.toString()).exit()).isZero();
        CommandRun missing = run("import", dir.resolve("nothing.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("No such file");
        CommandRun header = run("import", Files.writeString(dir.resolve("bad.csv"), "full_name,nation\nAnn,FI\n").toString());
        assertThat(header.exit()).isEqualTo(1);
        assertThat(header.out()).contains("unknown column(s) [full_name, nation]");
    }
}
