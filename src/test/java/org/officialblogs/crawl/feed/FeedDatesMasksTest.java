package org.officialblogs.crawl.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.PropertiesLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The date mask of {@code rome.properties} is tried before Rome's own, to spare Rome its 17 failing W3C masks on
 * every RSS date. They must change no date: every date of the feed fixtures, and forms chosen to trip them, reads
 * the same as Rome reads it without them (its W3C masks, then its RFC 822 ones).
 */
class FeedDatesMasksTest {

    private static final Pattern DATE_ELEMENT = Pattern.compile(
            "<((?:[\\w-]+:)?(?:pubDate|date|published|updated|issued|modified|created|lastBuildDate))(?:\\s[^>]*)?>"
                    + "\\s*([^<]{4,80}?)\\s*</\\1>");

    private static final List<String> TRICKY = List.of(
            "Tue, 03 Jun 2008 11:05:30 GMT", "Tue, 3 Jun 2008 11:05:30 +0200", "Tue, 03 Jun 08 11:05:30 GMT",
            "Tue, 03 Jun 2008 11:05:30 UT", "Tue, 03 Jun 2008 11:05:30 Z", "Tue, 03 Jun 2008 11:05:30 EST",
            "Tue, 03 Jun 2008 11:05:30 PDT", "Tue, 03 Jun 2008 11:05 GMT", "Wed, 03 Jun 2008 11:05:30 GMT",
            "Tue, 03 Jun 2008 11:05:30", "Tue, 03 Jun 2008 11:05:30 -0000", "Tue, 31 Feb 2008 11:05:30 GMT",
            "Tue, 03 Jun 2008 25:05:30 GMT", "tue, 03 jun 2008 11:05:30 gmt", "Tue,03 Jun 2008 11:05:30 GMT",
            "03 Jun 2008 11:05:30 GMT", "Tue, 03 Jun 2008 11:05:30 GMT+02:00", "Tue, 03 June 2008 11:05:30 GMT",
            "2008-06-03T11:05:30Z", "2008-06-03T11:05:30+02:00", "2008-06-03T11:05:30-08:00",
            "2008-06-03T11:05:30.123Z", "2008-06-03T11:05:30.123+02:00", "2008-06-03T11:05:30",
            "2008-06-03T11:05Z", "2008-06-03", "2008-06", "2008", "2008-06-03T11:05:30-0800", "2008-06-03T11:05:30+0200",
            "2008-06-03t11:05:30z", "2008-06-03T11:05:30z", "2008-13-45T11:05:30Z", "2008-06-03T24:00:00Z",
            "2008-06-03 11:05:30", "2008-06-03T11:05:30+02", "2008-06-03T11:05:30 Z", "2008-06-03T11:05:30+14:00",
            "not a date", "");

    @Test
    void theMasksAreInForce() {
        String[] masks = PropertiesLoader.getPropertiesLoader().getTokenizedProperty("datetime.extra.masks", "|");
        assertThat(masks).containsExactly("EEE, dd MMM yy HH:mm:ss z");
    }

    @Test
    void everyFixtureDateAndEveryTrickyFormReadsAsRomeReadsItWithoutTheMasks() throws IOException {
        Set<String> texts = new LinkedHashSet<>(TRICKY);
        for (Path dir : List.of(Path.of("src/test/resources/feeds"), Path.of("src/test/resources/comments"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                    Matcher m = DATE_ELEMENT.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                    while (m.find()) texts.add(m.group(2));
                }
            }
        }
        assertThat(texts.size()).as("dates found in the fixtures").isGreaterThan(TRICKY.size() + 100);
        List<String> differ = new ArrayList<>();
        int read = 0;
        for (String text : texts) {
            Date withMasks = DateParser.parseDate(text, Locale.US);
            Date rome = DateParser.parseW3CDateTime(text, Locale.US);
            if (rome == null) rome = DateParser.parseRFC822(text, Locale.US);
            if (withMasks != null) read++;
            if (withMasks == null ? rome != null : !withMasks.equals(rome)) {
                differ.add(text + ": " + withMasks + " against " + rome);
            }
        }
        assertThat(differ).isEmpty();
        assertThat(read).as("dates read").isGreaterThan(100);
    }
}
