package org.officialblogs.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What search engines read first: {@code /robots.txt} (what they may not crawl, and where the sitemap is) and the
 * sitemap (the public pages and every listed official's profile, in the sitemaps.org format). A sitemap file holds
 * at most {@link #URLS_PER_FILE} addresses; a larger directory gets a sitemap index of numbered parts. The demo's
 * robots.txt keeps search engines out altogether: its officials are made up.
 */
final class SiteMap {

    /** The sitemaps protocol's limit of addresses in one file. */
    static final int URLS_PER_FILE = 50_000;

    /** The public pages that are not a profile, as paths; the historical tab is a page of its own (its canonical). */
    static final List<String> PAGES = List.of("/", "/?tab=historical", "/recent", "/when-they-blogged",
            "/methodology", "/data", "/api", "/submit");

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final String baseUrl;
    private final int perFile;

    /** @param baseUrl the site's public address, without a trailing slash (as {@link SiteInfo#baseUrl()}) */
    SiteMap(String baseUrl, int perFile) {
        if (perFile < PAGES.size() + 1) throw new IllegalArgumentException("a sitemap file must hold the pages and a profile");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.perFile = perFile;
    }

    /** robots.txt for the site; {@code synthetic} for the demo, which no search engine should index. */
    String robots(boolean synthetic) {
        if (synthetic) {
            return """
                    # A demo of Official Blogs: every official and blog here is synthetic, so nothing is for search engines.
                    User-agent: *
                    Disallow: /
                    """;
        }
        return """
                # Official Blogs. The dataset has its own downloads (/data) and a read API (/api); see /data for the terms.
                User-agent: *
                Disallow: /admin
                Disallow: /login
                Disallow: /submit/
                Disallow: /submissions/
                Disallow: /api/v1/
                Disallow: /data/
                Disallow: /metrics

                Sitemap: %s/sitemap.xml
                """.formatted(baseUrl);
    }

    /** How many sitemap files the addresses take: 1 means {@link #sitemap} is the whole list, more an index of parts. */
    int parts(int officials) {
        int urls = PAGES.size() + officials;
        return (urls + perFile - 1) / perFile;
    }

    /** {@code /sitemap.xml}: every address when they fit in one file, else the index of {@code /sitemap/N.xml}. */
    byte[] sitemap(List<Long> officials) {
        int parts = parts(officials.size());
        if (parts == 1) return urlset(urls(officials));
        return write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (int part = 1; part <= parts; part++) {
                w.writeStartElement("sitemap");
                element(w, "loc", baseUrl + "/sitemap/" + part + ".xml");
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Part {@code part} (from 1) of a sitemap too large for one file; null when there is no such part. */
    byte[] part(List<Long> officials, int part) {
        int parts = parts(officials.size());
        if (parts == 1 || part < 1 || part > parts) return null;
        List<String> all = urls(officials);
        int from = (part - 1) * perFile;
        return urlset(all.subList(from, Math.min(all.size(), from + perFile)));
    }

    private List<String> urls(List<Long> officials) {
        List<String> urls = new ArrayList<>(PAGES.size() + officials.size());
        for (String page : PAGES) urls.add(baseUrl + page);
        for (long id : officials) urls.add(baseUrl + "/officials/" + id);
        return urls;
    }

    private static byte[] urlset(List<String> urls) {
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            for (String url : urls) {
                w.writeStartElement("url");
                element(w, "loc", url);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
