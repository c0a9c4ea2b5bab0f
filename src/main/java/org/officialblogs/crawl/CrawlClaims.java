package org.officialblogs.crawl;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which blogs this process is crawling, claimed in the database so that no other process (a second node on the
 * same PostgreSQL, or a {@code crawl} command beside {@code serve} on one SQLite file) crawls them at the same time.
 *
 * <p>A claim is per host first: a process takes a host before any of its blogs, keeps it while it crawls blogs
 * there, and after its last one keeps it for one host delay more, so the next process to take the host cannot ask it
 * sooner than the delay allows. Politeness per blog host therefore holds across processes. Each claim has a lease
 * that this process renews every third of its length while the crawl runs; a process that dies stops renewing, and
 * once its leases end its blogs (still due, since their crawl was never recorded) are claimed by another.
 */
public final class CrawlClaims implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlClaims.class);

    private final CrawlClaimDao dao;
    private final Clock clock;
    private final Duration lease;
    private final Duration hostDelay;
    private final String node;
    private final Set<Long> blogs = ConcurrentHashMap.newKeySet();
    /** Hosts this process holds, with how many of its claimed blogs are on each. */
    private final Map<String, Integer> hosts = new HashMap<>();
    /**
     * Hosts whose release is being written (guarded by {@link #hosts}): a claim of one waits until it is, so the
     * release cannot land after the claim and cut the new claim short.
     */
    private final Set<String> releasing = new HashSet<>();
    private final ScheduledExecutorService renewal;
    private final java.util.concurrent.atomic.AtomicBoolean deadChecked = new java.util.concurrent.atomic.AtomicBoolean();

    public CrawlClaims(CrawlClaimDao dao, Clock clock, Duration lease, Duration hostDelay) {
        this(dao, clock, lease, hostDelay, defaultNodeName());
    }

    public CrawlClaims(CrawlClaimDao dao, Clock clock, Duration lease, Duration hostDelay, String node) {
        this.dao = dao;
        this.clock = clock;
        this.lease = lease;
        this.hostDelay = hostDelay;
        this.node = node;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crawl-claims");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** This process in the claims: its host name and process id (the same name Quartz's cluster shows). */
    static String defaultNodeName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        int at = runtime.indexOf('@');
        return at > 0 ? runtime.substring(at + 1) + ":" + runtime.substring(0, at) : runtime;
    }

    public String node() {
        return node;
    }

    /**
     * Claims what it can of the targets, in their order: blogs on hosts no other process holds, and not claimed by
     * another. The rest are left for their holders (or for later, when they are free).
     */
    public List<CrawlTarget> claim(List<CrawlTarget> targets) {
        if (targets.isEmpty()) return List.of();
        Instant now = clock.instant();
        releaseDeadProcessesOnce();
        Instant until = now.plus(lease);
        Map<String, List<CrawlTarget>> byHost = new LinkedHashMap<>();
        for (CrawlTarget t : targets) {
            if (!blogs.contains(t.blogId())) byHost.computeIfAbsent(host(t), h -> new ArrayList<>()).add(t);
        }
        List<Long> wanted = new ArrayList<>();
        Map<Long, CrawlTarget> byId = new HashMap<>();
        List<String> taken = new ArrayList<>();
        synchronized (hosts) {
            awaitReleases(byHost.keySet());
            Set<String> claimedNow = dao.claimHosts(byHost.keySet().stream()
                    .filter(h -> !hosts.containsKey(h) && !releasing.contains(h)).toList(), node, now, until);
            for (Map.Entry<String, List<CrawlTarget>> e : byHost.entrySet()) {
                String host = e.getKey();
                if (!hosts.containsKey(host) && !claimedNow.contains(host)) continue;
                if (!hosts.containsKey(host)) {
                    hosts.put(host, 0);
                    taken.add(host);
                }
                for (CrawlTarget t : e.getValue()) {
                    wanted.add(t.blogId());
                    byId.put(t.blogId(), t);
                }
            }
            List<Long> got = dao.claimBlogs(wanted, node, now, until);
            Set<Long> gotSet = Set.copyOf(got);
            List<CrawlTarget> claimed = new ArrayList<>();
            for (Long id : wanted) {
                if (!gotSet.contains(id)) continue;
                CrawlTarget t = byId.get(id);
                blogs.add(id);
                hosts.merge(host(t), 1, Integer::sum);
                claimed.add(t);
            }
            // a host taken for blogs that turned out to be held elsewhere is given back at once
            for (String host : taken) {
                if (hosts.get(host) == 0) {
                    hosts.remove(host);
                    dao.releaseHost(host, node, now);
                }
            }
            return claimed;
        }
    }

    /**
     * Gives up a blog claimed by {@link #claim}; its host is kept for the host delay after the last of its blogs.
     * The write is made outside the lock on the hosts, so crawls ending together (a re-crawl of 2,000 unchanged
     * feeds ends 2,000 of them within seconds) commit their releases together instead of one after another.
     */
    public void release(CrawlTarget target) {
        if (!blogs.remove(target.blogId())) return;
        String host = host(target);
        boolean lastOnHost;
        synchronized (hosts) {
            Integer left = hosts.merge(host, -1, Integer::sum);
            lastOnHost = left != null && left <= 0;
            if (lastOnHost) {
                hosts.remove(host);
                releasing.add(host);
            }
        }
        try {
            dao.releaseBlog(target.blogId(), node, lastOnHost ? host : null, clock.instant().plus(hostDelay));
        } finally {
            if (lastOnHost) {
                synchronized (hosts) {
                    releasing.remove(host);
                    hosts.notifyAll();
                }
            }
        }
    }

    /**
     * Waits until none of these hosts is being released; called with the lock on the hosts held, which the wait lets
     * go meanwhile. Interrupted, it stops waiting: {@link #claim} then leaves the hosts still being released for a
     * later pass.
     */
    private void awaitReleases(Set<String> wanted) {
        while (wanted.stream().anyMatch(releasing::contains)) {
            try {
                hosts.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Before this process's first pass picks due blogs: frees what dead processes of this machine held. */
    public void releaseDeadProcessesOnce() {
        if (deadChecked.compareAndSet(false, true)) releaseDeadProcessesOfThisMachine(clock.instant());
    }

    /**
     * A process of this machine that died holding claims (killed, crashed, restarted) need not make its blogs wait
     * for their leases: its name says its process id, and a process that no longer runs holds nothing. Processes of
     * other machines are left to their leases.
     */
    private void releaseDeadProcessesOfThisMachine(Instant now) {
        int colon = node.lastIndexOf(':');
        if (colon < 0) return;
        String machine = node.substring(0, colon + 1);
        for (String holder : dao.holders(now)) {
            if (holder.equals(node) || !holder.startsWith(machine)) continue;
            long pid;
            try {
                pid = Long.parseLong(holder.substring(machine.length()));
            } catch (NumberFormatException e) {
                continue;
            }
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
            log.info("crawl claims of {} released: that process is no longer running", holder);
            dao.releaseAll(holder, now, now.plus(hostDelay));
        }
    }

    /** Whether this process holds the blog now. */
    public boolean holds(long blogId) {
        return blogs.contains(blogId);
    }

    private void renew() {
        try {
            List<String> held;
            synchronized (hosts) {
                held = List.copyOf(hosts.keySet());
            }
            List<Long> ids = List.copyOf(blogs);
            if (ids.isEmpty() && held.isEmpty()) return;
            dao.renew(node, ids, held, clock.instant().plus(lease));
        } catch (RuntimeException e) {
            // the next renewal tries again; if none succeeds before the lease ends, another node may take over
            log.warn("crawl claims not renewed: {}", e.getMessage());
        }
    }

    /** The host a blog's crawl starts at (its feed, else its site), lower case; the blog id when it has none. */
    static String host(CrawlTarget t) {
        String url = t.feedUrl() != null ? t.feedUrl() : t.siteUrl();
        try {
            String host = url == null ? null : URI.create(url.strip()).getHost();
            if (host != null) return host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // not a URL the crawler can read either; the blog stands alone
        }
        return "blog:" + t.blogId();
    }

    /** Stops renewing; claims still held end with their lease (a crawl interrupted by shutdown is due again). */
    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
