package org.officialblogs.crawl.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Item dates read without Rome must read exactly as Rome reads them, or be left to Rome: on random dates in the
 * usual forms (right and wrong day names, every zone form), on forms chosen to trip the reader, on every date of
 * the fixtures, and, whole, on every fixture feed read both ways.
 */
class ItemDatesTest {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    @Test
    void aDateReadHereIsTheDateRomeReads() throws IOException {
        List<String> texts = new ArrayList<>(List.of("Tue, 03 Jun 2008 11:05:30 GMT", "Tue, 3 Jun 2008 11:05:30 +0200",
                "Tue, 03 Jun 08 11:05:30 GMT", "Tue, 03 Jun 2008 11:05:30 UT", "Tue, 03 Jun 2008 11:05:30 Z",
                "Tue, 03 Jun 2008 11:05:30 EST", "Wed, 03 Jun 2008 11:05:30 GMT", "Tue, 31 Feb 2008 11:05:30 GMT",
                "Tue, 03 Jun 2008 25:05:30 GMT", "tue, 03 jun 2008 11:05:30 gmt", "Tue,03 Jun 2008 11:05:30 GMT",
                "Tue, 03 June 2008 11:05:30 GMT", "Tue, 03 Jun 2008 11:05:30 -0000", "Tue, 03 Jun 2008 11:05:30 +1400",
                "Tue, 03 Jun 2008 11:05:30 +2359", "Tue, 03 Jun 2008 11:05:60 GMT", "Tue, 03 Jun 2008 11:05:30 GMT ",
                "  Tue, 03 Jun 2008 11:05:30 GMT\n", "Tue, 03 Jun 2008 1:05:30 GMT", "Tue, 003 Jun 2008 11:05:30 GMT",
                "Mon, 29 Feb 2016 00:00:00 +0000", "Sat, 01 Jan 1900 00:00:00 GMT", "Sun, 31 Dec 1899 23:59:59 GMT",
                "Fri, 31 Dec 9999 23:59:59 -1200", "Tue, 03 Jun 2008 11:05:30 +02:00", "Tue, 03 Jun 2008 11:05:30 GMT+2"));
        texts.addAll(fixtureDates(Pattern.compile("<pubDate>\\s*([^<]{4,80}?)\\s*</pubDate>")));
        Random random = new Random(3);
        for (int n = 0; n < 30_000; n++) {
            ZonedDateTime t = Instant.ofEpochSecond(random.nextLong(-2_300_000_000L, 8_000_000_000L))
                    .atZone(offset(random));
            String day = random.nextInt(10) == 0 ? DAYS[random.nextInt(7)] : DAYS[t.getDayOfWeek().getValue() - 1];
            String zone = switch (random.nextInt(4)) {
                case 0 -> "GMT";
                case 1 -> "UTC";
                default -> String.format(Locale.ROOT, "%s%02d%02d", t.getOffset().getTotalSeconds() < 0 ? "-" : "+",
                        Math.abs(t.getOffset().getTotalSeconds()) / 3600, Math.abs(t.getOffset().getTotalSeconds()) / 60 % 60);
            };
            if (zone.equals("GMT") || zone.equals("UTC")) t = t.withZoneSameInstant(ZoneOffset.UTC);
            texts.add(String.format(Locale.ROOT, random.nextBoolean() ? "%s, %02d %s %04d %02d:%02d:%02d %s"
                            : "%s, %d %s %04d %02d:%02d:%02d %s", day, t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1],
                    t.getYear(), t.getHour(), t.getMinute(), t.getSecond(), zone));
        }
        assertReadAsRomeReads(texts, ItemDates::rfc822, 15_000);
        assertThat(ItemDates.rfc822("Tue, 03 Jun 2008 11:05:30 GMT")).isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
        assertThat(ItemDates.rfc822("Wed, 03 Jun 2008 11:05:30 GMT")).as("wrong day name: Rome's").isNull();
    }

    @Test
    void anAtomDateReadHereIsTheDateRomeReads() throws IOException {
        List<String> texts = new ArrayList<>(List.of("2008-06-03T11:05:30Z", "2008-06-03T11:05:30+02:00",
                "2008-06-03T11:05:30-08:00", "2008-06-03T11:05:30.123Z", "2008-06-03T11:05:30.1+02:00",
                "2008-06-03T11:05:30", "2008-06-03T11:05Z", "2008-06-03", "2008-06-03t11:05:30z", "2008-06-03T11:05:30z",
                "2008-13-03T11:05:30Z", "2008-02-30T11:05:30Z", "2008-06-03T24:00:00Z", "2008-06-03T11:60:30Z",
                "2008-06-03T11:05:60Z", "2008-06-03T11:05:30+0200", "2008-06-03T11:05:30+02", "2008-06-03T11:05:30 Z",
                "2008-06-03 11:05:30Z", " 2008-06-03T11:05:30Z\n", "2008-06-03T11:05:30+14:00", "2008-06-03T11:05:30+15:00",
                "1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00", "2016-02-29T00:00:00+05:30",
                "+2008-06-03T11:05:30Z", "2008-6-03T11:05:30Z"));
        texts.addAll(fixtureDates(Pattern.compile(
                "<(?:\\w+:)?(?:published|updated)>\\s*([^<]{4,80}?)\\s*</(?:\\w+:)?(?:published|updated)>")));
        Random random = new Random(5);
        for (int n = 0; n < 30_000; n++) {
            ZonedDateTime t = Instant.ofEpochSecond(random.nextLong(-2_300_000_000L, 8_000_000_000L)).atZone(offset(random));
            String zone = random.nextInt(3) == 0 ? "Z" : t.getOffset().getId().equals("Z") ? "+00:00" : t.getOffset().getId();
            if (zone.equals("Z")) t = t.withZoneSameInstant(ZoneOffset.UTC);
            String fraction = switch (random.nextInt(6)) {
                case 0 -> String.format(Locale.ROOT, ".%03d", random.nextInt(1000));
                case 1 -> ".000";
                case 2 -> "." + random.nextInt(10) + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(10)));
                default -> "";
            };
            texts.add(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), fraction, zone));
        }
        assertReadAsRomeReads(texts, ItemDates::w3c, 20_000);
        assertThat(ItemDates.w3c("2008-06-03T11:05:30.123Z")).isEqualTo(Instant.parse("2008-06-03T11:05:30.123Z"));
        assertThat(ItemDates.w3c("2008-06-03T11:05:30.1Z")).as("a fraction not in milliseconds: Rome's").isNull();
    }

    /** Every text a reader here reads must read the same through Rome; at least {@code atLeast} are read here. */
    private static void assertReadAsRomeReads(List<String> texts, java.util.function.Function<String, Instant> reader,
                                              int atLeast) {
        int readHere = 0;
        List<String> differ = new ArrayList<>();
        for (String text : texts) {
            Instant here = reader.apply(text);
            if (here == null) continue;
            readHere++;
            Date rome = DateParser.parseDate(text, Locale.US);
            if (rome == null || !rome.toInstant().equals(here)) differ.add(text + ": " + here + " against Rome's " + rome);
        }
        assertThat(differ).isEmpty();
        assertThat(readHere).as("dates read here").isGreaterThan(atLeast);
    }

    /** The first group of every match of {@code element} in the feed and comment fixtures. */
    private static List<String> fixtureDates(Pattern element) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/feeds"), Path.of("src/test/resources/comments"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                    Matcher m = element.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                    while (m.find()) found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static ZoneOffset offset(Random random) {
        int hours = random.nextInt(-12, 15);
        int minutes = random.nextBoolean() ? 0 : 30;
        return ZoneOffset.ofTotalSeconds(hours * 3600 + (hours < 0 ? -minutes : minutes) * 60);
    }

    @Test
    void everyFixtureFeedReadsTheSameWithTheDatesReadHereAsWithRomeReadingThemAll() throws IOException {
        FeedReader fast = new FeedReader(FeedReader.DEFAULT_SUMMARY_MAX_CHARS, true);
        FeedReader rome = new FeedReader(FeedReader.DEFAULT_SUMMARY_MAX_CHARS, false);
        int feeds = 0;
        int items = 0;
        int withDatesReadHere = 0;
        for (Path dir : List.of(Path.of("src/test/resources/feeds"), Path.of("src/test/resources/comments"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    byte[] body = Files.readAllBytes(f);
                    URI url = URI.create("https://example.org/" + f.getFileName());
                    FeedReadResult a = fast.read(body, null, url);
                    FeedReadResult b = rome.read(body, null, url);
                    assertThat(a).as(f.toString()).isEqualTo(b);
                    if (a instanceof FeedReadResult.Success s) {
                        feeds++;
                        items += s.feed().items().size();
                        try {
                            if (!ItemDates.takeOut(org.officialblogs.crawl.read.HardenedXml.parse(
                                    new String(body, StandardCharsets.UTF_8)).getRootElement()).isEmpty()) {
                                withDatesReadHere++;
                            }
                        } catch (org.jdom2.JDOMException | RuntimeException e) {
                            // a feed the reader had to repair first: compared above all the same
                        }
                    }
                }
            }
        }
        // a feed with both a Dublin Core date and a pubDate: Rome puts the Dublin Core one first, and so does the reader;
        // one Rome cannot read leaves the pubDate; a dc:creator (WordPress) changes nothing
        String both = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                <link>https://example.org/</link><description>d</description>
                <item><title>a</title><link>https://example.org/a</link><pubDate>Tue, 03 Jun 2008 11:05:30 GMT</pubDate>
                <dc:date>2009-01-02T03:04:05Z</dc:date></item>
                <item><title>b</title><link>https://example.org/b</link><pubDate>Tue, 03 Jun 2008 11:05:30 GMT</pubDate></item>
                <item><title>c</title><link>https://example.org/c</link><dc:creator>A. Minister</dc:creator>
                <pubDate>Wed, 04 Jun 2008 11:05:30 +0200</pubDate></item>
                <item><title>d</title><link>https://example.org/d</link><pubDate>Thu, 05 Jun 2008 11:05:30 GMT</pubDate>
                <dc:date>last Tuesday</dc:date></item>
                </channel></rss>""";
        FeedReadResult a = fast.read(both.getBytes(StandardCharsets.UTF_8), null, URI.create("https://example.org/feed"));
        assertThat(a).isEqualTo(rome.read(both.getBytes(StandardCharsets.UTF_8), null, URI.create("https://example.org/feed")));
        List<FeedItem> read = ((FeedReadResult.Success) a).feed().items();
        assertThat(read.get(0).published()).isEqualTo(Instant.parse("2009-01-02T03:04:05Z"));
        assertThat(read.get(1).published()).isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
        assertThat(read.get(2).published()).isEqualTo(Instant.parse("2008-06-04T09:05:30Z"));
        assertThat(read.get(3).published()).isEqualTo(Instant.parse("2008-06-05T11:05:30Z"));
        assertThat(takenOut(both)).as("every RSS pubDate is read here, Dublin Core or not").isEqualTo(4);
        // Atom entries: both dates read here, only one, and one with a fraction not in milliseconds (Rome's)
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2009-01-01T00:00:00Z</updated>
                <entry><title>a</title><id>urn:a</id><link href="https://example.org/a"/>
                  <published>2008-06-03T11:05:30+02:00</published><updated>2008-06-04T00:00:00Z</updated></entry>
                <entry><title>b</title><id>urn:b</id><link href="https://example.org/b"/><updated>2008-06-05T10:00:00Z</updated></entry>
                <entry><title>c</title><id>urn:c</id><link href="https://example.org/c"/>
                  <published>2008-06-06T10:00:00.25Z</published><updated>2008-06-07T10:00:00Z</updated></entry>
                </feed>""";
        URI feedUrl = URI.create("https://example.org/atom");
        FeedReadResult fromAtom = fast.read(atom.getBytes(StandardCharsets.UTF_8), null, feedUrl);
        assertThat(fromAtom).isEqualTo(rome.read(atom.getBytes(StandardCharsets.UTF_8), null, feedUrl));
        List<FeedItem> entries = ((FeedReadResult.Success) fromAtom).feed().items();
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2008-06-03T09:05:30Z"));
        assertThat(entries.get(0).updated()).isEqualTo(Instant.parse("2008-06-04T00:00:00Z"));
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2008-06-05T10:00:00Z"));
        assertThat(entries.get(2).published()).as("Rome's reading of .25").isNotNull();
        // Atom with Dublin Core: a dc:creator changes nothing; with a dc:date, Rome lets the entry's published date
        // replace it, so such an entry is left to Rome
        String atomDc = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><title>t</title>
                <id>urn:f</id><updated>2009-01-01T00:00:00Z</updated>
                <entry><title>a</title><id>urn:a</id><link href="https://example.org/a"/><dc:creator>A. Minister</dc:creator>
                  <published>2008-06-03T11:05:30Z</published><updated>2008-06-04T00:00:00Z</updated></entry>
                <entry><title>b</title><id>urn:b</id><link href="https://example.org/b"/><dc:date>2001-01-01T00:00:00Z</dc:date>
                  <published>2008-06-05T10:00:00Z</published><updated>2008-06-06T10:00:00Z</updated></entry>
                </feed>""";
        FeedReadResult fromAtomDc = fast.read(atomDc.getBytes(StandardCharsets.UTF_8), null, feedUrl);
        assertThat(fromAtomDc).isEqualTo(rome.read(atomDc.getBytes(StandardCharsets.UTF_8), null, feedUrl));
        List<FeedItem> dcEntries = ((FeedReadResult.Success) fromAtomDc).feed().items();
        assertThat(dcEntries.get(0).published()).isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
        assertThat(dcEntries.get(1).published()).isEqualTo(Instant.parse("2008-06-05T10:00:00Z"));
        assertThat(takenOut(atomDc)).as("the entry with a dc:creator only: published and updated").isEqualTo(2);
        assertThat(feeds).isGreaterThan(30);
        assertThat(withDatesReadHere).as("fixture feeds with dates read here (RSS and Atom)").isGreaterThan(10);
        assertThat(items).isGreaterThan(500);
    }

    /** How many date elements {@link ItemDates} takes out of a feed's text. */
    private static int takenOut(String feed) {
        try {
            org.jdom2.Element root = org.officialblogs.crawl.read.HardenedXml.parse(feed).getRootElement();
            int before = elements(root);
            ItemDates.takeOut(root);
            return before - elements(root);
        } catch (org.jdom2.JDOMException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int elements(org.jdom2.Element root) {
        int n = 0;
        for (org.jdom2.Element ignored : root.getDescendants(org.jdom2.filter.Filters.element())) n++;
        return n;
    }
}
