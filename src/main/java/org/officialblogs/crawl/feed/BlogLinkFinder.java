package org.officialblogs.crawl.feed;

import org.officialblogs.crawl.read.Css;
import org.officialblogs.registry.HttpUrls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the links on a website's page that lead to its blog: a link whose text or path says blog, then diary or
 * journal, then news or articles, in the languages officials write in. Pure: it reads the page and never fetches.
 */
public final class BlogLinkFinder {

    /** A link to try, with the word that picked it; {@code rank} 0 (blog) is tried before 1 (diary) and 2 (news). */
    public record BlogLink(URI url, String text, String word, int rank) {}

    private static final List<List<String>> WORDS = List.of(
            List.of("blog", "blogs", "blogg", "blogi", "weblog", "блог", "блоги", "ブログ", "博客", "部落格", "블로그",
                    "ιστολόγιο", "مدونة"),
            List.of("diary", "journal", "tagebuch", "dagbok", "dagbog", "dagboek", "päiväkirja", "diario", "diário",
                    "carnet", "dziennik", "günlük", "дневник", "щоденник", "日記", "日记", "日誌"),
            List.of("news", "articles", "posts", "column", "columns", "actualités", "actualites", "actus", "billets",
                    "aktuelles", "neuigkeiten", "nachrichten", "artikel", "beiträge", "beitraege", "noticias",
                    "artículos", "articulos", "notizie", "articoli", "notícias", "noticias", "artigos", "nieuws",
                    "artikelen", "nyheter", "nyheder", "artiklar", "uutiset", "artikkelit", "kirjoitukset",
                    "aktualności", "wiadomości", "artykuły", "новости", "статьи", "новини", "статті", "ニュース",
                    "記事", "お知らせ", "コラム", "新闻", "新聞", "文章", "뉴스", "νέα", "άρθρα", "haberler", "yazılar",
                    "أخبار"));

    /** Sites whose links are the official's presence elsewhere, never their blog. */
    private static final Set<String> SOCIAL = Set.of("twitter.com", "x.com", "facebook.com", "instagram.com",
            "youtube.com", "linkedin.com", "tiktok.com", "threads.net", "t.me", "wa.me", "flickr.com", "bsky.app",
            "mastodon.social", "pinterest.com", "wikipedia.org");

    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}\\p{IsGreek}\\p{IsCyrillic}]");

    /** At most {@code max} links, the most blog-like first, then those on the same site, then in page order. */
    public List<BlogLink> find(byte[] html, String contentTypeHeader, URI pageUrl, int max) {
        Document page = parse(html, contentTypeHeader, pageUrl);
        String pageHost = host(pageUrl);
        Map<URI, BlogLink> found = new LinkedHashMap<>();
        for (Element a : page.select(Css.of("a[href]"))) {
            URI url = HttpUrls.resolveHttp(null, a.absUrl("href"));
            if (url == null || url.equals(pageUrl) || sameDocument(url, pageUrl)) continue;
            String host = host(url);
            if (SOCIAL.stream().anyMatch(s -> host.equals(s) || host.endsWith("." + s))) continue;
            String text = fold(a.text());
            String path = fold(url.getRawPath() == null ? "" : java.net.URLDecoder.decode(url.getRawPath(),
                    java.nio.charset.StandardCharsets.UTF_8).replace('/', ' ').replace('-', ' ').replace('_', ' '));
            BlogLink link = match(url, a.text().strip(), text, path);
            if (link != null) found.merge(withoutFragment(url), link, (x, y) -> x.rank() <= y.rank() ? x : y);
        }
        List<BlogLink> links = new ArrayList<>(found.values());
        links.sort(Comparator.comparingInt(BlogLink::rank)
                .thenComparing(l -> !host(l.url()).equals(pageHost)));
        return links.size() > max ? List.copyOf(links.subList(0, max)) : List.copyOf(links);
    }

    private static BlogLink match(URI url, String rawText, String text, String path) {
        for (int rank = 0; rank < WORDS.size(); rank++) {
            for (String word : WORDS.get(rank)) {
                String w = fold(word);
                if (contains(text, w) || contains(path, w)) {
                    return new BlogLink(withoutFragment(url), rawText.length() > 120 ? rawText.substring(0, 120) : rawText,
                            word, rank);
                }
            }
        }
        return null;
    }

    /** A whole word in alphabetic scripts (so "blogroll" or "newsletter" do not count); containment elsewhere. */
    private static boolean contains(String haystack, String word) {
        if (haystack.isEmpty()) return false;
        if (!LATIN_WORD.matcher(word).find()) return haystack.contains(word);
        for (String token : haystack.split("[^\\p{L}\\p{N}]+")) {
            if (token.equals(word)) return true;
        }
        return false;
    }

    private static String fold(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean sameDocument(URI a, URI b) {
        return withoutFragment(a).equals(withoutFragment(b));
    }

    private static URI withoutFragment(URI u) {
        if (u.getRawFragment() == null) return u;
        String s = u.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    private static String host(URI u) {
        return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    }

    private static Document parse(byte[] html, String contentTypeHeader, URI pageUrl) {
        String charset = FeedTextDecoder.headerCharset(contentTypeHeader);
        try {
            if (charset != null && !Charset.isSupported(charset)) charset = null;
        } catch (IllegalArgumentException e) {
            charset = null;
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl == null ? "" : pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
