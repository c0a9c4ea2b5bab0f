package org.officialblogs.crawl;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.officialblogs.db.SingleWriter;

/**
 * The claims on blogs and hosts in the database (see {@link CrawlClaims}): taken only when free or expired, renewed
 * by their holder, released by their holder. Every statement is an atomic write, the same on SQLite and PostgreSQL
 * (where a blog claim skips rows another node's claim holds locked).
 */
public final class CrawlClaimDao {

    private final Jdbi jdbi;
    private final SingleWriter writer;

    public CrawlClaimDao(Jdbi jdbi, SingleWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    /**
     * Takes for the node until {@code until} those of the hosts that no other node's claim still holds, all in one
     * transaction (a first crawl claims thousands of hosts before its first request; one transaction each queued them
     * all through the single writer), in sorted order, so two nodes claiming overlapping hosts at once lock them in
     * the same order. Returns the hosts taken.
     */
    public Set<String> claimHosts(Collection<String> hosts, String node, Instant now, Instant until) {
        if (hosts.isEmpty()) return Set.of();
        List<String> sorted = hosts.stream().distinct().sorted().toList();
        int[] taken = writer.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO host_claim (host, node, claim_until) VALUES (:host, :node, :until)
                    ON CONFLICT (host) DO UPDATE SET node = excluded.node, claim_until = excluded.claim_until
                    WHERE host_claim.node = excluded.node OR host_claim.claim_until <= :now
                    """);
            for (String host : sorted) {
                batch.bind("host", host).bind("node", node).bind("now", now).bind("until", until).add();
            }
            return batch.execute();
        });
        Set<String> got = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (taken[i] == 1) got.add(sorted.get(i));
        }
        return got;
    }

    /** Claims those of the blogs nobody else holds; returns the ids claimed. */
    public List<Long> claimBlogs(Collection<Long> blogIds, String node, Instant now, Instant until) {
        if (blogIds.isEmpty()) return List.of();
        return writer.inTransaction(h -> h.createQuery("""
                UPDATE crawl_state SET claimed_by = :node, claim_until = :until
                WHERE blog_id IN (SELECT blog_id FROM crawl_state WHERE blog_id IN (<ids>)
                    AND (claim_until IS NULL OR claim_until <= :now OR claimed_by = :node) <skipLocked>)
                RETURNING blog_id
                """).bindList("ids", List.copyOf(blogIds)).bind("node", node).bind("now", now).bind("until", until)
                .mapTo(Long.class).list());
    }

    /** Extends the node's claims on these blogs and hosts. */
    public void renew(String node, Collection<Long> blogIds, Collection<String> hosts, Instant until) {
        writer.useTransaction(h -> {
            if (!blogIds.isEmpty()) {
                h.createUpdate("UPDATE crawl_state SET claim_until = :until WHERE claimed_by = :node AND blog_id IN (<ids>)")
                        .bindList("ids", List.copyOf(blogIds)).bind("node", node).bind("until", until).execute();
            }
            if (!hosts.isEmpty()) {
                h.createUpdate("UPDATE host_claim SET claim_until = :until WHERE node = :node AND host IN (<hosts>)")
                        .bindList("hosts", List.copyOf(hosts)).bind("node", node).bind("until", until).execute();
            }
        });
    }

    /**
     * Gives the blog up (its crawl is recorded, or it was never started) and, when it was the node's last blog on
     * its host ({@code lastOnHost} not null), keeps that host for the node only until {@code hostUntil}: one
     * transaction.
     */
    public void releaseBlog(long blogId, String node, String lastOnHost, Instant hostUntil) {
        writer.useTransaction(h -> {
            h.createUpdate("UPDATE crawl_state SET claimed_by = NULL, claim_until = NULL WHERE blog_id = :id AND claimed_by = :node")
                    .bind("id", blogId).bind("node", node).execute();
            if (lastOnHost != null) updateHostUntil(h, lastOnHost, node, hostUntil);
        });
    }

    /** Keeps the host for the node only until {@code until} (the end of the delay after its last request). */
    public void releaseHost(String host, String node, Instant until) {
        writer.useTransaction(h -> updateHostUntil(h, host, node, until));
    }

    private static void updateHostUntil(Handle h, String host, String node, Instant until) {
        h.createUpdate("UPDATE host_claim SET claim_until = :until WHERE host = :host AND node = :node")
                .bind("host", host).bind("node", node).bind("until", until).execute();
    }

    /** The nodes named in claims that still hold (blogs or hosts). */
    public List<String> holders(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT claimed_by FROM crawl_state WHERE claimed_by IS NOT NULL AND claim_until > :now
                UNION SELECT node FROM host_claim WHERE claim_until > :now
                """).bind("now", now).mapTo(String.class).list());
    }

    /**
     * Ends a node's claims now (a process known to be dead): its blogs are free at once, its hosts after
     * {@code hostsFreeAt} (it may have asked them just before it died).
     */
    public void releaseAll(String node, Instant now, Instant hostsFreeAt) {
        writer.useTransaction(h -> {
            h.createUpdate("UPDATE crawl_state SET claimed_by = NULL, claim_until = NULL WHERE claimed_by = :node")
                    .bind("node", node).execute();
            h.createUpdate("UPDATE host_claim SET claim_until = :until WHERE node = :node AND claim_until > :until")
                    .bind("node", node).bind("until", hostsFreeAt).execute();
        });
    }

    /** Blogs claimed now by a node other than this one (for the crawl page and tests). */
    public int claimedElsewhere(String node, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM crawl_state WHERE claimed_by <> :node AND claim_until > :now")
                .bind("node", node).bind("now", now).mapTo(Integer.class).one());
    }
}
