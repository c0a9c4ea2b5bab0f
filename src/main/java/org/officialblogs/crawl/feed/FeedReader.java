package org.officialblogs.crawl.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jdom2.DocType;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;

import org.officialblogs.crawl.read.HardenedXml;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.priority.Processors;
import org.officialblogs.registry.HttpUrls;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 from response bytes, with the repairs the best readers make and the
 * refusals a server-side reader needs (no DTDs, no entities). Failures are values, never exceptions.
 *
 * <p>The bytes are decoded ({@link FeedTextDecoder}), repaired ({@link XmlTextRepair}) and parsed once into a
 * hardened JDOM document; Rome reads its model from that document, and the raw elements supply what Rome drops
 * ({@code thr:count} on links) or leaves as foreign markup ({@code wfw:commentRss}, {@code thr:total}).
 */
public final class FeedReader {

    /** Default bound on a sanitised summary's length, in characters of HTML. */
    public static final int DEFAULT_SUMMARY_MAX_CHARS = 2_000;

    private final FeedTextDecoder decoder = new FeedTextDecoder();
    private final XmlTextRepair repair = new XmlTextRepair();
    private final MarkupText markup;
    private final boolean readDates;

    public FeedReader() {
        this(DEFAULT_SUMMARY_MAX_CHARS);
    }

    public FeedReader(int summaryMaxChars) {
        this(summaryMaxChars, true);
    }

    /** @param readDates false: Rome reads every date (what {@link ItemDates} reads must match it, for tests) */
    FeedReader(int summaryMaxChars, boolean readDates) {
        if (summaryMaxChars < 100) {
            throw new IllegalArgumentException("summaryMaxChars must be at least 100, was " + summaryMaxChars);
        }
        this.markup = new MarkupText(summaryMaxChars);
        this.readDates = readDates;
    }

    /**
     * Reads a feed body, once a processor is free for it ({@link Processors}).
     *
     * @param body              the response bytes (already decompressed), may be empty
     * @param contentTypeHeader the Content-Type header, used only for its charset; nullable
     * @param documentUrl       the URL the body came from (after redirects): the base for relative links; nullable
     */
    public FeedReadResult read(byte[] body, String contentTypeHeader, URI documentUrl) {
        return Processors.shared().run(() -> {
            try {
                return new FeedReadResult.Success(parse(body, contentTypeHeader, documentUrl));
            } catch (FeedRejection rejection) {
                return rejection.toFailure();
            }
        });
    }

    private ParsedFeed parse(byte[] body, String contentType, URI documentUrl) throws FeedRejection {
        if (body == null || body.length == 0) {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "empty body (0 bytes)");
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "gzip-compressed bytes: the body was not decompressed");
        }
        FeedTextDecoder.DecodedText decoded = decoder.decode(body, contentType);
        String text = decoded.text();
        rejectNonXml(text, body.length);
        XmlTextRepair.RepairedXml repaired = repair.repair(text);
        List<String> repairs = new ArrayList<>();
        if (!decoded.documentSaid()) {
            repairs.add("decoded as " + decoded.charset().name() + ": " + decoded.reason());
        }
        repairs.addAll(repaired.repairs());
        boolean htmlPage = "html".equals(repaired.rootName()) || "html".equalsIgnoreCase(repaired.doctypeName());
        Document document = parseXml(repaired, text, htmlPage);
        if (document.getRootElement().getName().equalsIgnoreCase("html")) {
            Element feed = FeedElements.embeddedAtomFeed(document);
            if (feed == null) {
                throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "an (X)HTML page, not a feed: root element <html>");
            }
            document = new Document(feed.detach());
            repairs.add("read the Atom feed embedded in an XHTML page");
        } else if (repaired.doctypeName() != null
                && repaired.doctypeName().equals(document.getRootElement().getQualifiedName())) {
            // Inert once parsed: lets Rome recognise Netscape RSS 0.91 by its public id; nothing is loaded.
            document.setDocType(new DocType(repaired.doctypeName(), repaired.doctypePublicId(),
                    repaired.doctypeSystemId()));
        }
        // item dates in the usual forms are read here, not by Rome (see ItemDates): taken out while Rome builds
        ItemDates dates = readDates ? ItemDates.takeOut(document.getRootElement()) : ItemDates.none();
        WireFeed wire;
        try {
            wire = buildWireFeed(document);
        } finally {
            dates.putBack();
        }
        SyndFeed synd = new SyndFeedImpl(wire, false);
        if (!dates.isEmpty()
                && FeedElements.rawItems(document.getRootElement(), wire.getFeedType()).size() != synd.getEntries().size()) {
            // items Rome does not list one for one: no way to give each its date, so Rome reads them all after all
            wire = buildWireFeed(document);
            synd = new SyndFeedImpl(wire, false);
            dates = ItemDates.none();
        }
        return toParsedFeed(document, wire.getFeedType(), synd, documentUrl, decoded, repaired, repairs, dates);
    }

    private static void rejectNonXml(String text, int byteCount) throws FeedRejection {
        int sample = Math.min(text.length(), 4096);
        if (text.substring(0, sample).indexOf('\0') >= 0) {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT,
                    "binary data (" + byteCount + " bytes with NUL bytes), not a feed");
        }
        int first = 0;
        while (first < text.length()
                && (Character.isWhitespace(text.charAt(first)) || text.charAt(first) == '\uFEFF')) {
            first++;
        }
        if (first == text.length()) {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "blank body (" + byteCount + " bytes of whitespace)");
        }
        char c = text.charAt(first);
        if (c == '{' || c == '[') {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "JSON, not RSS or Atom (JSON Feed is not read)");
        }
        if (c != '<') {
            String start = text.substring(first, Math.min(text.length(), first + 40)).replaceAll("\\s+", " ");
            long controls = text.substring(0, sample).chars()
                    .filter(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0xFFFD).count();
            if (controls > sample / 20) {
                throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT,
                        "binary data (" + byteCount + " bytes), not a feed");
            }
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT,
                    "not XML: the body starts with \"" + start + "\" instead of '<'");
        }
    }

    private Document parseXml(XmlTextRepair.RepairedXml repaired, String original, boolean htmlPage)
            throws FeedRejection {
        try {
            return HardenedXml.parse(repaired.xml());
        } catch (JDOMParseException e) {
            if (htmlPage) {
                throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "an HTML page, not a feed: root element <html>");
            }
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            if (reason.contains("DOCTYPE is disallowed")) {
                throw new FeedRejection(ReadFailureKind.UNSAFE, "refused: a DOCTYPE where none is allowed (line "
                        + e.getLineNumber() + ")");
            }
            throw new FeedRejection(ReadFailureKind.MALFORMED, "XML error at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + reason + near(original, e.getLineNumber()));
        } catch (JDOMException | IOException e) {
            throw new FeedRejection(ReadFailureKind.MALFORMED, "XML error: " + e.getMessage());
        }
    }

    private static String near(String text, int line) {
        if (line < 1) {
            return "";
        }
        String[] lines = text.split("\r\n|\r|\n", line + 1);
        if (lines.length < line) {
            return "";
        }
        String content = lines[line - 1].strip();
        if (content.isEmpty()) {
            return "";
        }
        return " (line " + line + " reads \"" + (content.length() > 80 ? content.substring(0, 80) + "\u2026" : content)
                + "\")";
    }

    private static WireFeed buildWireFeed(Document document) throws FeedRejection {
        Element root = document.getRootElement();
        try {
            return new WireFeedInput(false, Locale.US).build(document);
        } catch (IllegalArgumentException e) {
            String version = root.getAttributeValue("version");
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "root element <" + root.getQualifiedName() + ">"
                    + (root.getNamespaceURI().isEmpty() ? "" : " in namespace " + root.getNamespaceURI())
                    + (version == null ? "" : " version \"" + version + "\"") + " is not RSS, RDF or Atom");
        } catch (FeedException | RuntimeException e) {
            throw new FeedRejection(ReadFailureKind.MALFORMED, "feed structure not understood: " + e.getMessage());
        }
    }

    private ParsedFeed toParsedFeed(Document document, String format, SyndFeed synd, URI documentUrl,
            FeedTextDecoder.DecodedText decoded, XmlTextRepair.RepairedXml repaired, List<String> repairs,
            ItemDates dates) {
        Element root = document.getRootElement();
        Element channel = FeedElements.channelOf(root);
        URI feedBase = FeedElements.baseOf(channel, documentUrl);
        SyndContent titleEx = synd.getTitleEx();
        String title = MarkupText.plainText(titleEx == null ? synd.getTitle() : titleEx.getValue(),
                titleEx == null ? null : normaliseType(titleEx.getType()));
        List<Element> rawItems = FeedElements.rawItems(root, format);
        List<SyndEntry> entries = synd.getEntries();
        // Rome walks the same elements in the same order; if a future parser differs, raw signals are skipped.
        boolean aligned = rawItems.size() == entries.size();
        List<FeedItem> items = new ArrayList<>(entries.size());
        Set<String> seenIds = new HashSet<>();
        int empty = 0;
        int renamed = 0;
        int repeated = 0;
        for (int i = 0; i < entries.size(); i++) {
            Element raw = aligned ? rawItems.get(i) : null;
            FeedItem item = toItem(entries.get(i), raw, format, documentUrl, feedBase, dates.of(raw));
            if (isEmpty(item, raw)) {
                // An item with no title, link, id or text is no post (seen in the wild as a template left blank).
                empty++;
                continue;
            }
            if (!seenIds.add(item.id())) {
                String repeatedId = item.id();
                FeedItem earlier = items.stream().filter(x -> x.id().equals(repeatedId)).findFirst().orElseThrow();
                if (Objects.equals(earlier.title(), item.title())
                        && Objects.equals(earlier.published(), item.published())) {
                    repeated++;
                    continue;
                }
                // Some generators reuse a guid for distinct posts (Scripting News); keep both, ids stay stable.
                item = withId(item, item.id() + "#sha256:" + sha256(item.title() + "\n" + item.published()));
                seenIds.add(item.id());
                renamed++;
            }
            items.add(item);
        }
        if (empty > 0) {
            repairs.add("skipped " + empty + " empty item(s): no title, link, id or text");
        }
        if (repeated > 0) {
            repairs.add("skipped " + repeated + " item(s) repeating an earlier item");
        }
        if (renamed > 0) {
            repairs.add("derived distinct ids for " + renamed + " item(s) reusing an earlier item's id");
        }
        return new ParsedFeed(
                format,
                title,
                siteUrl(channel, format, synd, feedBase),
                FeedElements.generator(root, repaired.prologComments()),
                blankToNull(synd.getLanguage()),
                FeedElements.childInteger(channel, "ttl", ""),
                feedLinks(channel, feedBase),
                openSearch(channel),
                decoded.charset().name(),
                repairs,
                items);
    }

    private FeedItem toItem(SyndEntry entry, Element raw, String format, URI documentUrl, URI feedBase,
                            ItemDates.Read read) {
        URI base = raw == null ? feedBase : FeedElements.baseOf(raw, documentUrl);
        // Proxies (FeedBurner, Pheedo) replace the link with a click-tracker and keep the real one as origLink.
        URI url = raw == null ? null : HttpUrls.resolveHttp(base, origLink(raw));
        if (url == null && raw != null && format.startsWith("atom")) {
            url = alternateLink(raw, base);
        }
        if (url == null) {
            url = HttpUrls.resolveHttp(base, entry.getLink());
        }
        SyndContent titleEx = entry.getTitleEx();
        String title = MarkupText.plainText(titleEx == null ? entry.getTitle() : titleEx.getValue(),
                titleEx == null ? null : normaliseType(titleEx.getType()));
        Instant published = FeedDates.published(entry, raw, format, read);
        Instant updated = FeedDates.updated(entry, raw, format, read);
        String id = itemId(entry, raw, url, title, published);
        String authorName = null;
        URI authorUri = null;
        if (!entry.getAuthors().isEmpty()) {
            SyndPerson person = entry.getAuthors().get(0);
            authorName = blankToNull(person.getName());
            authorUri = HttpUrls.resolveHttp(base, person.getUri());
        }
        if (authorName == null) {
            authorName = displayName(entry.getAuthor());
        }
        SyndContent summarySource = entry.getDescription();
        if ((summarySource == null || summarySource.getValue() == null || summarySource.getValue().isBlank())
                && !entry.getContents().isEmpty()) {
            summarySource = entry.getContents().get(0);
        }
        String summary = summarySource == null ? "" : markup.summary(summarySource.getValue(),
                normaliseType(summarySource.getType()), base == null ? null : base.toString());
        return new FeedItem(id, url, title, published, updated, authorName, authorUri,
                commentSignals(entry, raw, base), summary, PlatformPostIds.fromItemId(id));
    }

    /**
     * Atom's page link is rel="alternate" (or no rel), HTML preferred; Rome's single link may be the feed's own
     * (Blogger lists its feed links first), so the raw links decide.
     */
    private static URI alternateLink(Element parent, URI base) {
        URI any = null;
        for (Element link : FeedElements.atomLinks(parent)) {
            String rel = link.getAttributeValue("rel");
            if (rel != null && !rel.isBlank() && !rel.strip().equals("alternate")) {
                continue;
            }
            URI href = HttpUrls.resolveHttp(FeedElements.baseOf(link, base), link.getAttributeValue("href"));
            if (href == null) {
                continue;
            }
            String type = link.getAttributeValue("type");
            if (type == null || type.toLowerCase(Locale.ROOT).contains("html")) {
                return href;
            }
            any = any == null ? href : any;
        }
        return any;
    }

    private static String origLink(Element raw) {
        for (Element child : raw.getChildren()) {
            if (child.getName().equals("origLink") && !child.getNamespaceURI().isEmpty()) {
                String text = child.getTextNormalize();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    private static URI siteUrl(Element channel, String format, SyndFeed synd, URI feedBase) {
        if (format.startsWith("atom")) {
            URI alternate = alternateLink(channel, feedBase);
            if (alternate != null) {
                return alternate;
            }
        }
        return HttpUrls.resolveHttp(feedBase, synd.getLink());
    }

    private static boolean isEmpty(FeedItem item, Element raw) {
        boolean declaredId = raw != null && (FeedElements.childText(raw, "guid", raw.getNamespaceURI()) != null
                || FeedElements.childText(raw, "id", raw.getNamespaceURI()) != null);
        return item.title().isEmpty() && item.url() == null && !declaredId && item.summaryHtml().isEmpty();
    }

    private static FeedItem withId(FeedItem item, String id) {
        return new FeedItem(id, item.url(), item.title(), item.published(), item.updated(), item.authorName(),
                item.authorUri(), item.comments(), item.summaryHtml(), item.platformPostId());
    }

    private static String itemId(SyndEntry entry, Element raw, URI url, String title, Instant published) {
        String id = null;
        if (raw != null) {
            id = FeedElements.childText(raw, "guid", raw.getNamespaceURI());
            if (id == null) {
                id = FeedElements.childText(raw, "id", raw.getNamespaceURI());
            }
        } else {
            id = blankToNull(entry.getUri());
        }
        if (id == null && url != null) {
            id = url.toString();
        }
        if (id == null && raw != null) {
            id = blankToNull(raw.getAttributeValue("about", Namespace.getNamespace(FeedElements.RDF)));
        }
        if (id == null) {
            id = "sha256:" + sha256(title + "\n" + (published == null ? "" : published.toString()));
        }
        return id;
    }

    private static CommentSignals commentSignals(SyndEntry entry, Element raw, URI base) {
        if (raw == null) {
            return new CommentSignals(HttpUrls.resolveHttp(base, entry.getComments()), null, null, null, List.of());
        }
        String comments = FeedElements.childText(raw, "comments", "");
        String commentFeed = FeedElements.childText(raw, "commentRss", FeedElements.WFW);
        if (commentFeed == null) {
            commentFeed = FeedElements.childText(raw, "commentRSS", FeedElements.WFW);
        }
        List<CommentSignals.RepliesLink> replies = new ArrayList<>();
        for (Element link : FeedElements.atomLinks(raw)) {
            if ("replies".equals(link.getAttributeValue("rel"))) {
                URI href = HttpUrls.resolveHttp(FeedElements.baseOf(link, base), link.getAttributeValue("href"));
                if (href != null) {
                    replies.add(new CommentSignals.RepliesLink(href, blankToNull(link.getAttributeValue("type")),
                            FeedElements.integer(link.getAttributeValue("count",
                                    Namespace.getNamespace(FeedElements.THREAD)))));
                }
            }
        }
        return new CommentSignals(
                HttpUrls.resolveHttp(base, comments),
                HttpUrls.resolveHttp(base, commentFeed),
                FeedElements.childInteger(raw, "comments", FeedElements.SLASH),
                FeedElements.childInteger(raw, "total", FeedElements.THREAD),
                replies);
    }

    private static FeedLinks feedLinks(Element channel, URI base) {
        URI self = null;
        URI next = null;
        URI previous = null;
        URI prevArchive = null;
        URI hub = null;
        for (Element link : FeedElements.atomLinks(channel)) {
            String rel = link.getAttributeValue("rel");
            if (rel == null) {
                continue;
            }
            URI href = HttpUrls.resolveHttp(FeedElements.baseOf(link, base), link.getAttributeValue("href"));
            if (href == null) {
                continue;
            }
            switch (rel.strip().toLowerCase(Locale.ROOT)) {
                case "self" -> self = self == null ? href : self;
                case "next" -> next = next == null ? href : next;
                case "previous", "prev" -> previous = previous == null ? href : previous;
                case "prev-archive" -> prevArchive = prevArchive == null ? href : prevArchive;
                case "hub" -> hub = hub == null ? href : hub;
                default -> { }
            }
        }
        return new FeedLinks(self, next, previous, prevArchive, hub);
    }

    private static OpenSearchCounts openSearch(Element channel) {
        for (String ns : FeedElements.OPENSEARCH) {
            Integer total = FeedElements.childInteger(channel, "totalResults", ns);
            Integer start = FeedElements.childInteger(channel, "startIndex", ns);
            Integer perPage = FeedElements.childInteger(channel, "itemsPerPage", ns);
            if (total != null || start != null || perPage != null) {
                return new OpenSearchCounts(total, start, perPage);
            }
        }
        return null;
    }

    /** RSS {@code <author>} is "email (Name)" by the spec; keep the name when there is one. */
    private static String displayName(String author) {
        String value = blankToNull(author);
        if (value == null) {
            return null;
        }
        int open = value.indexOf('(');
        int close = value.lastIndexOf(')');
        if (value.contains("@") && open > 0 && close > open + 1) {
            return value.substring(open + 1, close).strip();
        }
        return value;
    }

    /** Atom 0.3 uses MIME types ("text/html", "text/plain"); Atom 1.0 uses "text", "html", "xhtml". */
    private static String normaliseType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("xhtml")) {
            return "xhtml";
        }
        if (t.contains("html")) {
            return "html";
        }
        return t.equals("text") || t.equals("text/plain") ? "text" : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(String s) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
