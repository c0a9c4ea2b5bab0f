package org.officialblogs.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.crawl.PostRecord;
import org.officialblogs.metrics.Methodology;
import org.officialblogs.metrics.MetricsFixture;
import org.officialblogs.metrics.WorkedExample;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.testkit.TestServer;

/**
 * The real app over a registry with measured blogs: the seven worked examples of the methodology (so their numbers
 * are known by hand) spread over countries, levels and branches, {@code extra} more small active blogs, and one blog
 * of each unranked status. Metrics are recomputed on {@link #DAY}; the pages' clock stands two hours later.
 */
final class RankedSite implements AutoCloseable {

    static final Instant DAY = Methodology.EXAMPLE_NOW;
    static final Instant PAGE_NOW = DAY.plus(Duration.ofHours(2));
    static final String HOSTILE_TITLE = "<script>alert('post')</script> & \"quotes\"";
    static final String READER_NAME = "Jane Q. Reader";
    /** A summary with a control character XML cannot carry, a CDATA end and markup. */
    static final String HOSTILE_SUMMARY = "Last words \u0001 before ]]> going <b>offline</b> & away";

    final TestServer server;
    final MetricsFixture fixture;
    /** Blog id per worked example name. */
    final Map<String, Long> examples = new LinkedHashMap<>();
    final long dormant;
    final long offline;
    final long unreachable;
    final long lead;
    /** The post of the weekly blog that carries the hostile title and the attributed comments. */
    final long hostilePost;

    private record Place(String country, Level level, Branch branch) {}

    private static final List<Place> PLACES = List.of(
            new Place("FI", Level.NATIONAL, Branch.EXECUTIVE), new Place("GB", Level.NATIONAL, Branch.LEGISLATIVE),
            new Place("GB", Level.LOCAL, Branch.EXECUTIVE), new Place("US", Level.REGIONAL, Branch.LEGISLATIVE),
            new Place("FR", Level.LOCAL, Branch.EXECUTIVE), new Place("DE", Level.NATIONAL, Branch.JUDICIAL),
            new Place("US", Level.LOCAL, Branch.EXECUTIVE));

    RankedSite(Path dir, int extra) {
        server = new TestServer(dir, Clock.fixed(PAGE_NOW, ZoneOffset.UTC));
        fixture = new MetricsFixture(server.app.database);
        List<WorkedExample> worked = Methodology.examples();
        for (int i = 0; i < worked.size(); i++) {
            WorkedExample e = worked.get(i);
            Place p = PLACES.get(i);
            String name = i == 2 ? "<img src=x onerror=alert(1)> Mallory" : "Official " + (char) ('A' + i) + " " + p.country();
            long blog = fixture.blog(name, "Office of example " + (i + 1), p.country(), p.level(), p.branch(),
                    "https://example" + (i + 1) + ".example.org/");
            fixture.crawled(blog, DAY.minus(Duration.ofHours(1)));
            fixture.posts(blog, e.published(), e.replies());
            examples.put(e.name(), blog);
        }
        for (int i = 0; i < extra; i++) {
            long blog = fixture.blog("Extra " + String.format("%03d", i), "Councillor", "SE", Level.LOCAL,
                    Branch.LEGISLATIVE, "https://extra" + i + ".example.se/");
            fixture.crawled(blog, DAY.minus(Duration.ofHours(1)));
            fixture.posts(blog, List.of(DAY.minus(Duration.ofDays(1 + i % 20))), List.of());
        }
        dormant = fixture.blog("Dormant Dora", "Former mayor", "FI", Level.LOCAL, Branch.EXECUTIVE,
                "https://dora.example.fi/");
        fixture.crawled(dormant, DAY);
        fixture.posts(dormant, List.of(DAY.minus(Duration.ofDays(200))), List.of());
        offline = fixture.blog("Offline Olli", "Senator", "US", Level.NATIONAL, Branch.LEGISLATIVE,
                "https://olli.example.com/blog/");
        fixture.crawled(offline, DAY);
        // the newest post of all, so it leads the river and the Atom feed: hostile title, broken summary
        server.app.crawl.upsertPosts(offline, List.of(new PostRecord("offline-last", "https://olli.example.com/blog/last",
                HOSTILE_TITLE, DAY.minus(Duration.ofMinutes(30)), null, null, null, HOSTILE_SUMMARY, null, null, null,
                null, null)), DAY);
        fixture.setStatus(offline, "offline");
        unreachable = fixture.blog("Unreachable Una", "Minister", "GB", Level.NATIONAL, Branch.EXECUTIVE,
                "https://una.example.gov.uk/");
        fixture.failing(unreachable, DAY, "timeout", "connect timed out after 5000 ms", 12, true);
        lead = fixture.blog("Lead Leo", "Mayor", "FR", Level.LOCAL, Branch.EXECUTIVE, null);

        // the weekly blog's newest judged post: a hostile title, a reader's comment and the official's reply
        Instant published = Methodology.examples().get(0).published().get(2);
        hostilePost = server.app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM post WHERE blog_id = :b AND published_at = :at").bind("b", examples.values().iterator().next())
                .bind("at", published).mapTo(Long.class).one());
        server.app.database.jdbi().useHandle(h -> h.createUpdate("UPDATE post SET title = :t WHERE id = :id")
                .bind("t", HOSTILE_TITLE).bind("id", hostilePost).execute());
        fixture.comment(hostilePost, "c1", published.plus(Duration.ofDays(1)), READER_NAME, false, "no_match",
                "display name " + READER_NAME + " differs from the post author");
        fixture.comment(hostilePost, "c2", published.plus(Duration.ofDays(1).plusHours(3)), "Official A FI", true,
                "wordpress_post_author_flag", "the comment carries the class bypostauthor");
        server.app.database.jdbi().useHandle(h -> h.execute(
                "UPDATE comment SET parent_source_id = 'c1' WHERE post_id = ? AND source_comment_id = 'c2'", hostilePost));
        server.app.metrics.recomputeAll(DAY);
    }

    long example(String name) {
        return examples.get(name);
    }

    long officialOf(long blogId) {
        return fixture.officialOf(blogId);
    }

    @Override
    public void close() {
        server.close();
    }
}
