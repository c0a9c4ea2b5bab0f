package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Comment;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.officialblogs.registry.HttpUrls;

/** Reads from the raw JDOM elements what Rome drops or hides: thread, wfw, slash, OpenSearch, paging links. */
final class FeedElements {

    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String THREAD = "http://purl.org/syndication/thread/1.0";
    static final String WFW = "http://wellformedweb.org/CommentAPI/";
    static final String SLASH = "http://purl.org/rss/1.0/modules/slash/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String ADMIN = "http://webns.net/mvcb/";
    static final List<String> OPENSEARCH = List.of(
            "http://a9.com/-/spec/opensearchrss/1.0/", "http://a9.com/-/spec/opensearch/1.1/");

    private FeedElements() {
    }

    /** The element holding feed-level metadata: Atom {@code feed}, RSS {@code channel} (RDF too). */
    static Element channelOf(Element root) {
        if (root.getName().equals("feed")) {
            return root;
        }
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return root;
    }

    /**
     * The raw item elements in the order Rome reads them: Atom entries; RSS 0.91-2.0 channel items; RDF
     * (RSS 0.90/1.0) items under the root, in the channel's namespace.
     */
    static List<Element> rawItems(Element root, String format) {
        if (format.startsWith("atom")) {
            return root.getChildren("entry", root.getNamespace());
        }
        Element channel = channelOf(root);
        if (format.equals("rss_1.0") || format.equals("rss_0.9")) {
            return root.getChildren("item", channel.getNamespace());
        }
        return channel.getChildren("item", channel.getNamespace());
    }

    /** Base URI in scope for an element: the document URL refined by every xml:base from the root down. */
    static URI baseOf(Element element, URI documentUrl) {
        List<String> bases = new ArrayList<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String base = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                bases.add(0, base);
            }
        }
        URI uri = documentUrl;
        for (String base : bases) {
            uri = HttpUrls.resolveBase(uri, base);
        }
        return uri;
    }

    static Element child(Element parent, String name, String namespaceUri) {
        if (parent == null) {
            return null;
        }
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && child.getNamespaceURI().equals(namespaceUri)) {
                return child;
            }
        }
        return null;
    }

    static String childText(Element parent, String name, String namespaceUri) {
        Element child = child(parent, name, namespaceUri);
        if (child == null) {
            return null;
        }
        String text = child.getTextNormalize();
        return text.isEmpty() ? null : text;
    }

    static Integer childInteger(Element parent, String name, String namespaceUri) {
        return integer(childText(parent, name, namespaceUri));
    }

    static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    /** Atom-namespace {@code link} children (Atom feeds and atom:link inside RSS), any Atom version. */
    static List<Element> atomLinks(Element parent) {
        List<Element> links = new ArrayList<>();
        for (Element child : parent.getChildren()) {
            if (child.getName().equals("link")
                    && (child.getNamespaceURI().equals(ATOM_10) || child.getNamespaceURI().equals(ATOM_03))) {
                links.add(child);
            }
        }
        return links;
    }

    /** The feed's declared generator: element text and URI, admin:generatorAgent, or a generator comment. */
    static String generator(Element root, String prologComments) {
        Element channel = channelOf(root);
        for (Element child : channel.getChildren()) {
            if (child.getName().equals("generator")) {
                String text = child.getTextNormalize();
                String uri = firstNonBlank(child.getAttributeValue("uri"), child.getAttributeValue("url"));
                String version = child.getAttributeValue("version");
                StringBuilder sb = new StringBuilder(text);
                if (version != null && !version.isBlank() && !text.contains(version)) {
                    sb.append(sb.length() > 0 ? " " : "").append(version.strip());
                }
                if (uri != null && !text.contains(uri.strip())) {
                    sb.append(sb.length() > 0 ? " (" + uri.strip() + ")" : uri.strip());
                }
                if (sb.length() > 0) {
                    return sb.toString();
                }
            }
        }
        Element agent = child(channel, "generatorAgent", ADMIN);
        if (agent != null) {
            String resource = agent.getAttributeValue("resource", Namespace.getNamespace("rdf", RDF));
            if (resource != null && !resource.isBlank()) {
                return resource.strip();
            }
        }
        String fromComment = generatorComment(prologComments);
        if (fromComment != null) {
            return fromComment;
        }
        StringBuilder inner = new StringBuilder();
        for (Element e : List.of(root, channel)) {
            for (Content content : e.getContent()) {
                if (content instanceof Comment comment) {
                    inner.append(comment.getText()).append('\n');
                }
            }
        }
        return generatorComment(inner.toString());
    }

    /** Generators that print no element often leave a comment: "generator=...", "Generated by ...". */
    private static String generatorComment(String comments) {
        for (String line : comments.split("\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("generator") || lower.contains("generated by")) {
                String cleaned = line.replaceAll("\\s+", " ").strip();
                return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** The first Atom feed element inside an XHTML wrapper, if any. */
    static Element embeddedAtomFeed(Document doc) {
        for (Element e : doc.getRootElement().getDescendants(new org.jdom2.filter.ElementFilter("feed"))) {
            if (e.getNamespaceURI().equals(ATOM_10) || e.getNamespaceURI().equals(ATOM_03)) {
                return e;
            }
        }
        return null;
    }
}
