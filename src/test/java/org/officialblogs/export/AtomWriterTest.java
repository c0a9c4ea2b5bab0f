package org.officialblogs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AtomWriterTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void writesWellFormedAtomWhateverTheText() throws Exception {
        String nasty = "<script>x</script> & \"q\" 'a' ]]> \u0000\u0001\u0008 \uD800 lone, \uD83D\uDE00 paired";
        AtomFeed feed = new AtomFeed("https://ob.example/recent", "Recent & new", "https://ob.example/recent.atom",
                "https://ob.example/recent", Instant.parse("2024-06-16T12:00:00.123Z"),
                List.of(new AtomFeed.Entry("https://ob.example/officials/1#post-2", nasty, "https://b.example/p?a=1&b=2",
                        nasty, Instant.parse("2024-06-15T08:00:00Z"), Instant.parse("2024-06-15T09:00:00Z"), nasty),
                        new AtomFeed.Entry("https://ob.example/officials/1#post-3", " ", null, null, null,
                                Instant.parse("2024-06-14T08:00:00Z"), null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AtomWriter().write(feed, out);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        String expected = "<script>x</script> & \"q\" 'a' ]]>   lone, \uD83D\uDE00 paired";
        assertThat(doc.getElementsByTagNameNS(ATOM, "title").item(1).getTextContent()).isEqualTo(expected);
        assertThat(doc.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent()).isEqualTo(expected);
        assertThat(doc.getElementsByTagNameNS(ATOM, "name").item(0).getTextContent()).isEqualTo(expected);
        assertThat(doc.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent()).isEqualTo("2024-06-16T12:00:00Z");
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagNameNS(ATOM, "link").item(2)).getAttribute("href"))
                .isEqualTo("https://b.example/p?a=1&b=2");
        // an entry without title, author or link still has what Atom requires
        assertThat(doc.getElementsByTagNameNS(ATOM, "title").item(2).getTextContent()).isEqualTo("(untitled)");
        assertThat(doc.getElementsByTagNameNS(ATOM, "name").item(1).getTextContent()).isEqualTo("Unknown");
        assertThat(doc.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(2);
    }

    @Test
    void longTextIsCutAtACodePoint() {
        String emoji = "\uD83D\uDE00";
        assertThat(AtomWriter.xmlSafe(emoji.repeat(5), 3)).isEqualTo(emoji.repeat(3) + "…");
        assertThat(AtomWriter.xmlSafe("abc", 3)).isEqualTo("abc");
        assertThat(AtomWriter.xmlSafe(null, 3)).isEmpty();
    }
}
