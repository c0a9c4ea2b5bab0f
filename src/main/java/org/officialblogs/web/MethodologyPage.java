package org.officialblogs.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.officialblogs.metrics.Methodology;
import org.officialblogs.metrics.WorkedExample;

/** The methodology page: the text and the worked examples of {@link Methodology}, and when we last crawled. */
public record MethodologyPage(SiteInfo site, List<Section> sections, List<Example> examples, String lastCrawl,
                              String lastCrawlIso) {

    /** A heading and its paragraphs. */
    public record Section(String id, String heading, List<String> paragraphs) {}

    /** A worked example with its hand-computed outcome. */
    public record Example(String id, String name, String description, String now, String status, String points,
                          List<Part> parts, boolean notEnoughData, String arithmetic) {}

    /** One part of an example's score. */
    public record Part(String label, String value, String points) {}

    /** @param commentWindowDays the crawler's comment window, which the methodology states */
    static MethodologyPage of(SiteInfo site, Readable readable, java.time.Instant lastCrawl, int commentWindowDays) {
        List<Section> sections = new ArrayList<>();
        for (Methodology.Section s : Methodology.sections(commentWindowDays)) {
            sections.add(new Section(slug(s.heading()), s.heading(),
                    Arrays.stream(s.body().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList()));
        }
        List<Example> examples = new ArrayList<>();
        List<WorkedExample> worked = new ArrayList<>(Methodology.examples());
        worked.add(Methodology.notMeasurableExample());
        for (WorkedExample e : worked) {
            List<Part> parts = e.expected().components().stream()
                    .map(c -> new Part(c.part().label(), String.format(Locale.ROOT, "%.4f", c.value()),
                            String.format(Locale.ROOT, "%.2f", c.points())))
                    .toList();
            examples.add(new Example(slug(e.name()), e.name(), e.description(), readable.dateTime(e.now()),
                    Readable.statusLabel(e.expected().status()), Readable.oneDecimal(e.expected().points()), parts,
                    e.expected().notEnoughDataYet(), e.expected().arithmetic()));
        }
        return new MethodologyPage(site, sections, examples, lastCrawl == null ? null : readable.dateTime(lastCrawl),
                Readable.iso(lastCrawl));
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
