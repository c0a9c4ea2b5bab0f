package org.officialblogs.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic registry and the web it lives on, deterministic from a seed: officials across countries, levels and
 * branches, each with one blog on a platform (WordPress-like RSS with comment feeds and threaded comment pages,
 * Blogger-like Atom paged by start-index, plain RSS without history, plain Atom paged by RFC 5005 next links,
 * Substack-like publications whose comments live in their JSON API) and a
 * posting pattern (regular, bursty, dormant, dead: 410 Gone). Only the blog specs are held; every document (feed
 * page, comment feed, post page) is generated on request from the seed, so a million posts cost no memory.
 *
 * <p>On WordPress and Substack blogs with comments open each post draws 0 to 6 reader comments, and the official
 * replies (threaded under the first reader; on WordPress flagged {@code bypostauthor} on the page and "In reply to" in
 * the comment feed, on Substack written from the account in the post's byline) with the blog's known probability. {@link #realised} gives the facts the crawler should measure.
 */
public final class SyntheticWeb {

    public enum Platform { WORDPRESS, BLOGGER, RSS, ATOM, SUBSTACK }

    public enum Pattern { REGULAR, BURSTY, DORMANT, DEAD }

    /** One official and their blog. {@code posts} is the number of posts before any {@link #addPost}. */
    public record Blog(int index, String official, String office, String country, String level, String branch,
                Platform platform, Pattern pattern, int posts, double replyProbability, boolean commentsClosed,
                long seed) {

        public String host() {
            return "blog" + index + ".test";
        }

        public String feedPath() {
            return switch (platform) {
                case WORDPRESS -> "/feed/";
                case BLOGGER -> "/feeds/posts/default";
                case RSS -> "/rss.xml";
                case ATOM -> "/atom.xml";
                case SUBSTACK -> "/feed";
            };
        }

        public boolean hasComments() {
            return (platform == Platform.WORDPRESS || platform == Platform.SUBSTACK) && !commentsClosed
                    && pattern != Pattern.DEAD;
        }
    }

    /** A comment: id, parent id (0 for top level), time, whether the official wrote it. */
    public record Comment(int id, int parent, Instant at, boolean official) {}

    /** What the crawler should find for one blog: judged posts with reader comments, and of those replied. */
    public record Realised(int withComments, int replied) {}

    public static final int WORDPRESS_PAGE = 25;
    public static final int BLOGGER_PAGE = 25;
    public static final int ATOM_PAGE = 25;
    public static final int RSS_ITEMS = 20;
    public static final int COMMENT_FEED_ITEMS = 10;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final long seed;
    private final Instant now;
    private final int historyDays;
    private final List<Blog> blogs;
    /** The time of one more post on every regular and bursty blog, or null (the second crawl's news). */
    private volatile Instant extraPost;
    private volatile int generation = 1;

    /**
     * @param meanPosts   mean posts per blog (each blog draws 30 % to 170 % of it)
     * @param historyDays every post falls within this many days before {@code now}
     */
    public SyntheticWeb(long seed, int blogs, int meanPosts, int historyDays, Instant now) {
        this.seed = seed;
        this.now = now;
        this.historyDays = historyDays;
        SplittableRandom random = new SplittableRandom(seed);
        List<Blog> list = new ArrayList<>(blogs);
        for (int i = 1; i <= blogs; i++) {
            String name = pick(random, SyntheticNames.FIRST) + " " + pick(random, SyntheticNames.LAST) + " " + i;
            int p = random.nextInt(100);
            Platform platform = p < 40 ? Platform.WORDPRESS : p < 45 ? Platform.SUBSTACK : p < 70 ? Platform.BLOGGER : p < 85 ? Platform.RSS
                    : Platform.ATOM;
            int q = random.nextInt(100);
            Pattern pattern = q < 55 ? Pattern.REGULAR : q < 80 ? Pattern.BURSTY : q < 95 ? Pattern.DORMANT
                    : Pattern.DEAD;
            int posts = (int) Math.max(1, Math.round(meanPosts * (0.3 + 1.4 * random.nextDouble())));
            // a quarter never answer; the others answer with any probability
            double reply = random.nextInt(4) == 0 ? 0 : random.nextDouble();
            list.add(new Blog(i, name, pick(random, SyntheticNames.OFFICES), pick(random, SyntheticNames.COUNTRIES),
                    pick(random, SyntheticNames.LEVELS), pick(random, SyntheticNames.BRANCHES), platform, pattern,
                    posts, reply, random.nextInt(15) == 0, random.nextLong()));
        }
        this.blogs = List.copyOf(list);
    }

    public List<Blog> blogs() {
        return blogs;
    }

    public Blog blog(int index) {
        return blogs.get(index - 1);
    }

    public int generation() {
        return generation;
    }

    /** Every regular and bursty blog gets one more post at {@code at}; feeds change (new ETags). */
    public void addPost(Instant at) {
        extraPost = at;
        generation++;
    }

    public long totalPosts() {
        return blogs.stream().filter(b -> b.pattern() != Pattern.DEAD).mapToLong(b -> postCount(b)).sum();
    }

    /** Posts of a blog as now served (the original ones, and the extra one once added). */
    public int postCount(Blog b) {
        return b.posts() + (extraPost != null && gainsExtra(b) ? 1 : 0);
    }

    private static boolean gainsExtra(Blog b) {
        return b.pattern() == Pattern.REGULAR || b.pattern() == Pattern.BURSTY;
    }

    /**
     * Publication times of a blog's original posts, oldest first (post k is at index k-1). Regular blogs post every
     * week or so, bursty ones in runs of a few days with long pauses, dormant ones stopped 150 to 300 days ago; the
     * gaps shrink if needed so that everything fits in the history.
     */
    public long[] published(Blog b) {
        SplittableRandom r = new SplittableRandom(b.seed());
        long newestAgo = switch (b.pattern()) {
            case REGULAR -> r.nextLong(3 * DAY);
            case BURSTY -> r.nextLong(12 * DAY);
            case DORMANT -> 150 * DAY + r.nextLong(150 * DAY);
            case DEAD -> 30 * DAY;
        };
        long[] gaps = new long[b.posts()];
        long total = 0;
        for (int k = 1; k < gaps.length; k++) {
            double g = switch (b.pattern()) {
                case BURSTY -> r.nextInt(4) == 0 ? 10 + 30 * r.nextDouble() : 0.2 + 1.5 * r.nextDouble();
                default -> 7 * (0.6 + 0.8 * r.nextDouble());
            };
            gaps[k] = (long) (g * DAY) + r.nextLong(HOUR);
            total += gaps[k];
        }
        long room = historyDays * DAY - newestAgo - DAY;
        double scale = total > room ? (double) room / total : 1;
        long[] at = new long[b.posts()];
        long t = now.toEpochMilli() - newestAgo;
        for (int k = b.posts() - 1; k >= 0; k--) {
            at[k] = t;
            if (k > 0) t -= Math.max(HOUR, (long) (gaps[b.posts() - k] * scale));
        }
        return at;
    }

    /** Publication times as served now: the original posts and the extra one, oldest first. */
    public long[] servedTimes(Blog b) {
        long[] at = published(b);
        if (postCount(b) == at.length) return at;
        long[] more = java.util.Arrays.copyOf(at, at.length + 1);
        more[at.length] = extraPost.toEpochMilli();
        return more;
    }

    /** The comments of post {@code k} (1-based, oldest first) that exist at {@code now}; none where comments are closed. */
    public List<Comment> comments(Blog b, int k, long publishedAt) {
        if (!b.hasComments() || k > b.posts()) return List.of();
        SplittableRandom r = new SplittableRandom(b.seed() ^ (k * 0xBF58476D1CE4E5B9L));
        int readers = r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(6);
        boolean replied = readers > 0 && r.nextDouble() < b.replyProbability();
        List<Comment> list = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            list.add(new Comment(k * 100 + i + 1, 0, Instant.ofEpochMilli(publishedAt + (2 + 5L * i) * HOUR), false));
        }
        if (replied) {
            list.add(new Comment(k * 100 + 50, k * 100 + 1,
                    Instant.ofEpochMilli(publishedAt + (3 + r.nextInt(30)) * HOUR), true));
        }
        list.removeIf(c -> c.at().isAfter(now));
        return list;
    }

    /**
     * The facts the crawler should measure for a blog: posts published between {@code collectedSince} (the comment
     * window's start at crawl time) and {@code judgedBefore} (the metrics' judging age), with reader comments, and
     * how many of those the official answered.
     */
    public Realised realised(Blog b, Instant collectedSince, Instant judgedBefore) {
        long[] at = published(b);
        int with = 0;
        int replied = 0;
        for (int k = 1; k <= at.length; k++) {
            if (at[k - 1] < collectedSince.toEpochMilli() || at[k - 1] > judgedBefore.toEpochMilli()) continue;
            List<Comment> c = comments(b, k, at[k - 1]);
            if (c.stream().anyMatch(x -> !x.official())) {
                with++;
                if (c.stream().anyMatch(Comment::official)) replied++;
            }
        }
        return new Realised(with, replied);
    }

    // ---------------------------------------------------------------------------------------------------- documents

    /** A feed page: {@code page} is 1-based (WordPress paged, Atom page); for Blogger, the 1-based start index. */
    public byte[] feed(Blog b, String base, int page, int bloggerMaxResults) {
        long[] at = servedTimes(b);
        int n = at.length;
        StringBuilder s = new StringBuilder(16_384);
        switch (b.platform()) {
            case WORDPRESS -> {
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\""
                        + " xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"><channel><title>")
                        .append(esc(b.official())).append("</title><link>").append(base).append("/</link><description>")
                        .append(esc(b.office())).append("</description><generator>https://wordpress.org/?v=6.4.3</generator>");
                for (int k = n - (page - 1) * WORDPRESS_PAGE; k >= 1 && k > n - page * WORDPRESS_PAGE; k--) {
                    String link = base + "/p/" + k + "/";
                    s.append("<item><title>").append(title(b, k)).append("</title><link>").append(link).append("</link>");
                    if (!b.commentsClosed()) s.append("<comments>").append(link).append("#comments</comments>");
                    s.append("<dc:creator><![CDATA[").append(b.official()).append("]]></dc:creator><pubDate>")
                            .append(RFC_1123.format(Instant.ofEpochMilli(at[k - 1]))).append("</pubDate>")
                            .append("<guid isPermaLink=\"false\">").append(base).append("/?p=").append(k).append("</guid>")
                            .append("<description><![CDATA[").append(summary(b, k)).append("]]></description>");
                    if (!b.commentsClosed()) {
                        s.append("<wfw:commentRss>").append(link).append("feed/</wfw:commentRss><slash:comments>")
                                .append(comments(b, k, at[k - 1]).size()).append("</slash:comments>");
                    }
                    s.append("</item>");
                }
                s.append("</channel></rss>");
            }
            case SUBSTACK -> {
                // Substack's feed: every post (the synthetic publications are small), /p/SLUG links, no comment links
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title><![CDATA[")
                        .append(b.official()).append("'s notes]]></title><link>").append(base).append("</link>")
                        .append("<description><![CDATA[").append(b.office()).append("]]></description>")
                        .append("<generator>Substack</generator>");
                for (int k = n; k >= 1; k--) {
                    String link = base + "/p/" + substackSlug(k);
                    s.append("<item><title><![CDATA[").append(title(b, k)).append("]]></title><link>").append(link)
                            .append("</link><guid isPermaLink=\"true\">").append(link).append("</guid><dc:creator><![CDATA[")
                            .append(b.official()).append("]]></dc:creator><pubDate>")
                            .append(RFC_1123.format(Instant.ofEpochMilli(at[k - 1]))).append("</pubDate>")
                            .append("<description><![CDATA[").append(summary(b, k)).append("]]></description></item>");
                }
                s.append("</channel></rss>");
            }
            case RSS -> {
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                        .append(esc(b.official())).append("</title><link>").append(base).append("/</link><description>")
                        .append(esc(b.office())).append("</description>");
                for (int k = n; k >= 1 && k > n - RSS_ITEMS; k--) {
                    s.append("<item><title>").append(title(b, k)).append("</title><link>").append(base).append("/p/")
                            .append(k).append(".html</link><guid>").append(base).append("/p/").append(k)
                            .append(".html</guid><pubDate>").append(RFC_1123.format(Instant.ofEpochMilli(at[k - 1])))
                            .append("</pubDate><description>").append(summary(b, k)).append("</description></item>");
                }
                s.append("</channel></rss>");
            }
            case BLOGGER, ATOM -> {
                boolean blogger = b.platform() == Platform.BLOGGER;
                int size = blogger ? bloggerMaxResults : ATOM_PAGE;
                int skip = blogger ? page - 1 : (page - 1) * ATOM_PAGE;
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\""
                        + " xmlns:openSearch=\"http://a9.com/-/spec/opensearchrss/1.0/\"><id>")
                        .append(blogger ? "tag:blogger.com,1999:blog-" + (1000 + b.index()) : base + "/")
                        .append("</id><updated>").append(Instant.ofEpochMilli(at[n - 1])).append("</updated><title>")
                        .append(esc(b.official())).append("</title><link rel=\"alternate\" type=\"text/html\" href=\"")
                        .append(base).append("/\"/><author><name>").append(esc(b.official())).append("</name></author>");
                if (blogger) {
                    s.append("<generator version=\"7.00\" uri=\"http://www.blogger.com\">Blogger</generator>")
                            .append("<openSearch:totalResults>").append(n).append("</openSearch:totalResults>")
                            .append("<openSearch:startIndex>").append(page).append("</openSearch:startIndex>")
                            .append("<openSearch:itemsPerPage>").append(size).append("</openSearch:itemsPerPage>");
                } else if (skip + ATOM_PAGE < n) {
                    s.append("<link rel=\"next\" href=\"").append(base).append("/atom.xml?page=").append(page + 1)
                            .append("\"/>");
                }
                for (int k = n - skip; k >= 1 && k > n - skip - size; k--) {
                    String at1 = Instant.ofEpochMilli(at[k - 1]).toString();
                    s.append("<entry><id>").append(blogger ? "tag:blogger.com,1999:blog-" + (1000 + b.index()) + ".post-"
                                    + k : base + "/p/" + k + ".html").append("</id><published>").append(at1)
                            .append("</published><updated>").append(at1).append("</updated><title>").append(title(b, k))
                            .append("</title><summary>").append(summary(b, k)).append("</summary>")
                            .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(base).append("/p/")
                            .append(k).append(".html\"/><author><name>").append(esc(b.official()))
                            .append("</name></author></entry>");
                }
                s.append("</feed>");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** WordPress's comment feed of post {@code k}: the newest 10 comments, newest first, replies "In reply to". */
    public byte[] commentFeed(Blog b, String base, int k) {
        long at = servedTimes(b)[k - 1];
        List<Comment> newest = new ArrayList<>(comments(b, k, at));
        newest.sort((x, y) -> y.at().compareTo(x.at()));
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Comments on: ").append(title(b, k)).append("</title><link>").append(base).append("/p/")
                .append(k).append("/</link><description>").append(esc(b.office()))
                .append("</description><generator>https://wordpress.org/?v=6.4.3</generator>");
        for (Comment c : newest.subList(0, Math.min(COMMENT_FEED_ITEMS, newest.size()))) {
            String author = author(b, c);
            String reply = c.parent() == 0 ? "" : "In reply to <a href=\"" + base + "/p/" + k + "/#comment-" + c.parent()
                    + "\">Reader</a>.\n";
            s.append("<item><title>By: ").append(esc(author)).append("</title><link>").append(base).append("/p/")
                    .append(k).append("/#comment-").append(c.id()).append("</link><dc:creator><![CDATA[").append(author)
                    .append("]]></dc:creator><pubDate>").append(RFC_1123.format(c.at())).append("</pubDate>")
                    .append("<guid isPermaLink=\"false\">").append(base).append("/?p=").append(k).append("#comment-")
                    .append(c.id()).append("</guid><description><![CDATA[").append(reply).append("Comment ")
                    .append(c.id()).append("]]></description><content:encoded><![CDATA[<p>").append(reply)
                    .append("Comment ").append(c.id()).append("</p>]]></content:encoded></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A post's page: WordPress threaded comment markup and an open form; Substack its preloaded state naming the post
     * (comments come from the API); other platforms a plain article.
     */
    public byte[] page(Blog b, int k) {
        long[] times = servedTimes(b);
        if (b.platform() == Platform.SUBSTACK) return substackPage(b, k, times[k - 1]);
        StringBuilder html = new StringBuilder(4096).append("<!doctype html><html><head><meta charset=\"utf-8\">");
        if (b.platform() == Platform.WORDPRESS) html.append("<meta name=\"generator\" content=\"WordPress 6.4.3\">");
        html.append("<title>").append(title(b, k)).append("</title></head><body class=\"post-template-default single\">"
                + "<article><h1>").append(title(b, k)).append("</h1><p>").append(summary(b, k)).append("</p></article>");
        if (b.platform() == Platform.WORDPRESS && !b.commentsClosed()) {
            List<Comment> list = comments(b, k, times[k - 1]);
            if (!list.isEmpty()) {
                html.append("<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">");
                for (Comment c : list) {
                    if (c.parent() == 0) appendComment(html, b, c, list, 1);
                }
                html.append("</ol></div>");
            }
            html.append("<div id=\"respond\" class=\"comment-respond\"><form action=\"/wp-comments-post.php\""
                    + " method=\"post\" id=\"commentform\"><textarea name=\"comment\"></textarea></form></div>");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------------ Substack

    /** The slug of Substack post {@code k} ({@code /p/SLUG}). */
    public static String substackSlug(int k) {
        return "post-" + k;
    }

    /** Post {@code k}'s number from its slug, or -1. */
    public static int substackPostNumber(String slug) {
        if (!slug.startsWith("post-")) return -1;
        try {
            return Integer.parseInt(slug.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Substack's post id of post {@code k}; {@link #substackPostNumber(Blog, long)} reverses it. */
    public static long substackPostId(Blog b, int k) {
        return b.index() * 1_000_000L + k;
    }

    /** Post {@code k} of a blog from its Substack post id, or -1. */
    public static int substackPostNumber(Blog b, long id) {
        return id / 1_000_000L == b.index() ? (int) (id % 1_000_000L) : -1;
    }

    /** The official's Substack account (the post's byline). */
    private static long substackUserId(Blog b) {
        return 5_000_000L + b.index();
    }

    /** Substack's {@code api/v1/posts/SLUG}: the post, its byline account and who may comment. */
    public byte[] substackPost(Blog b, String base, int k) {
        return ("{\"post\":" + substackPostJson(b, base, k) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private String substackPostJson(Blog b, String base, int k) {
        long at = servedTimes(b)[k - 1];
        return "{\"id\":" + substackPostId(b, k) + ",\"publication_id\":" + (90_000 + b.index()) + ",\"title\":"
                + json(title(b, k)) + ",\"slug\":" + json(substackSlug(k)) + ",\"post_date\":"
                + json(Instant.ofEpochMilli(at).toString()) + ",\"audience\":\"everyone\",\"write_comment_permissions\":"
                + (b.commentsClosed() ? "\"none\"" : "\"everyone\"") + ",\"canonical_url\":"
                + json(base + "/p/" + substackSlug(k)) + ",\"type\":\"newsletter\",\"comment_count\":"
                + comments(b, k, at).size() + ",\"publishedBylines\":[{\"id\":" + substackUserId(b) + ",\"name\":"
                + json(b.official()) + ",\"handle\":\"official" + b.index() + "\",\"is_guest\":false}]}";
    }

    /** Substack's {@code api/v1/post/ID/comments}: the whole tree in one answer, oldest first. */
    public byte[] substackComments(Blog b, int k) {
        long at = servedTimes(b)[k - 1];
        List<Comment> list = comments(b, k, at);
        StringBuilder s = new StringBuilder("{\"comments\":[");
        boolean first = true;
        for (Comment c : list) {
            if (c.parent() != 0) continue;
            if (!first) s.append(',');
            first = false;
            appendSubstackComment(s, b, k, c, list, "");
        }
        return s.append("],\"more\":false}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendSubstackComment(StringBuilder s, Blog b, int k, Comment c, List<Comment> all, String ancestors) {
        List<Comment> children = all.stream().filter(x -> x.parent() == c.id()).toList();
        s.append("{\"id\":").append(c.id()).append(",\"body\":").append(json("Comment " + c.id()))
                .append(",\"post_id\":").append(substackPostId(b, k)).append(",\"user_id\":")
                .append(c.official() ? substackUserId(b) : 7_000 + c.id() % 100).append(",\"name\":")
                .append(json(author(b, c))).append(",\"handle\":")
                .append(json(c.official() ? "official" + b.index() : "reader" + c.id() % 100)).append(",\"date\":")
                .append(json(c.at().toString())).append(",\"ancestor_path\":").append(json(ancestors))
                .append(",\"type\":\"comment\",\"status\":\"published\",\"deleted\":false,\"children_count\":")
                .append(children.size()).append(",\"children\":[");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) s.append(',');
            appendSubstackComment(s, b, k, children.get(i), all,
                    ancestors.isEmpty() ? Integer.toString(c.id()) : ancestors + "." + c.id());
        }
        s.append("]}");
    }

    private byte[] substackPage(Blog b, int k, long at) {
        String base = "";
        String state = "{\"base_url\":\"\",\"pub\":{\"id\":" + (90_000 + b.index()) + ",\"name\":"
                + json(b.official() + "'s notes") + ",\"subdomain\":\"official" + b.index() + "\"},\"post\":"
                + substackPostJson(b, base, k) + "}";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title(b, k) + " - by "
                + esc(b.official()) + "</title><meta property=\"og:title\" content=\"" + title(b, k) + "\">"
                + "<link rel=\"stylesheet\" href=\"https://substackcdn.com/bundle/theme/main.css\"></head><body>"
                + "<div id=\"entry\"><article class=\"post\"><h1 class=\"post-title\">" + title(b, k) + "</h1>"
                + "<div class=\"byline\">" + esc(b.official()) + "</div><div class=\"body markup\"><p>" + summary(b, k)
                + "</p></div></article><div class=\"comments-page\"><div class=\"comment-list-container\"></div></div>"
                + "</div><script>window._preloads = JSON.parse(" + json(state).replace("</", "<\\/") + ")</script>"
                + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON (and JavaScript) string literal. */
    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (ch < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.append('"').toString();
    }

    private void appendComment(StringBuilder html, Blog b, Comment c, List<Comment> all, int depth) {
        String cls = "comment" + (c.official() ? " byuser comment-author-official bypostauthor" : "") + " depth-" + depth;
        html.append("<li id=\"comment-").append(c.id()).append("\" class=\"").append(cls).append("\">")
                .append("<article id=\"div-comment-").append(c.id()).append("\" class=\"comment-body\">")
                .append("<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">")
                .append(esc(author(b, c))).append("</b></div><div class=\"comment-metadata\"><a href=\"#comment-")
                .append(c.id()).append("\"><time datetime=\"").append(c.at()).append("\">t</time></a></div></footer>")
                .append("<div class=\"comment-content\"><p>Comment ").append(c.id()).append("</p></div></article>");
        List<Comment> children = all.stream().filter(x -> x.parent() == c.id()).toList();
        if (!children.isEmpty()) {
            html.append("<ol class=\"children\">");
            for (Comment child : children) appendComment(html, b, child, all, depth + 1);
            html.append("</ol>");
        }
        html.append("</li>");
    }

    private static String author(Blog b, Comment c) {
        return c.official() ? b.official() : "Reader " + (c.id() % 100);
    }

    private static String title(Blog b, int k) {
        return "Post " + k + ": notes from the " + esc(b.office().toLowerCase(Locale.ROOT)) + "'s week";
    }

    private static String summary(Blog b, int k) {
        return "Some words about the budget, the new library and the bus lines (" + b.country() + ", post " + k + ").";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
