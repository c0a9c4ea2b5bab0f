package org.officialblogs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlReaderTest {

    static OpmlReader.Parsed parse(String xml) {
        return OpmlReader.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outlinesWithAnAddressAreRowsFoldersAreSkippedAndEmptyLeavesAreErrors() {
        OpmlReader.Parsed p = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Blogroll</title></head>
                  <body>
                    <outline text="Parliament">
                      <outline text="Anna Member" type="rss" xmlUrl="https://anna.example.fi/feed/" htmlUrl="https://anna.example.fi/"/>
                      <outline title="Title Only" XMLURL="https://t.example.fi/atom.xml"/>
                    </outline>
                    <outline text="Nothing here"/>
                    <outline text="  Ünïcödé &amp; co  " htmlUrl=" https://u.example.fi/ "/>
                  </body>
                </opml>
                """);
        assertThat(p.fileError()).isNull();
        assertThat(p.outlines()).containsExactly(
                new OpmlReader.Outline(6, "Anna Member", "https://anna.example.fi/feed/", "https://anna.example.fi/"),
                new OpmlReader.Outline(7, "Title Only", "https://t.example.fi/atom.xml", null),
                new OpmlReader.Outline(9, "Nothing here", null, null),
                new OpmlReader.Outline(10, "Ünïcödé & co", null, "https://u.example.fi/"));
    }

    @Test
    void aDoctypeIsRefusedSoExternalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        OpmlReader.Parsed xxe = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<opml><body><outline text=\"&xxe;\" xmlUrl=\"https://x.example.org/\"/></body></opml>");
        assertThat(xxe.outlines()).isEmpty();
        assertThat(xxe.fileError()).contains("declares a DOCTYPE");
        OpmlReader.Parsed bomb = parse("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<opml><body><outline text=\"&lol2;\" xmlUrl=\"https://x.example.org/\"/></body></opml>");
        assertThat(bomb.outlines()).isEmpty();
        assertThat(bomb.fileError()).contains("DOCTYPE");
    }

    @Test
    void brokenXmlKeepsTheRowsBeforeTheProblemAndSaysWhere() {
        OpmlReader.Parsed p = parse("<opml><body>\n<outline text=\"A\" xmlUrl=\"https://a.example.org/\"/>\n<outline text=\"B\" xmlUrl=\"https://b.example.org/\">\n</body></opml>");
        assertThat(p.outlines()).extracting(OpmlReader.Outline::text).containsExactly("A", "B");
        assertThat(p.fileError()).startsWith("the file is not well-formed XML at line 4").contains("the outlines before it are listed");
    }

    @Test
    void xmlThatIsNotOpmlAndEmptyFilesAreNamedAsSuch() {
        assertThat(parse("<html><body><p>hello</p></body></html>").fileError()).isEqualTo("this is XML but not OPML (the first element is <html>, expected <opml>)");
        assertThat(parse("").fileError()).startsWith("the file is not well-formed XML");
        assertThat(parse("<?xml version=\"1.0\"?><opml/>").outlines()).isEmpty();
    }

    @Test
    void tooManyOutlinesAreRefused() {
        StringBuilder xml = new StringBuilder("<opml><body>");
        for (int i = 0; i <= OpmlReader.MAX_OUTLINES; i++) xml.append("<outline text=\"n").append(i).append("\" xmlUrl=\"https://e.example.org/").append(i).append("\"/>");
        xml.append("</body></opml>");
        assertThat(parse(xml.toString()).fileError()).isEqualTo("the file has more than 1000 outlines; please split it");
    }
}
