package org.officialblogs.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.officialblogs.registry.Countries;

/**
 * popolo.json: the officials as Popolo persons (Wikidata ids as identifiers, blogs as links, the public sources),
 * one organization per country, level and branch of government, and a membership per official holding the office.
 * Written in two streaming passes over the officials, so memory does not grow with the registry.
 */
public final class PopoloWriter {

    /** Popolo's date pattern (YYYY, YYYY-MM or YYYY-MM-DD): partial term dates that do not fit are left out. */
    private static final Pattern POPOLO_DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}){0,2}");

    private final ExportDao dao;
    private final String baseUrl;
    private final JsonFactory factory = new JsonFactory();

    public PopoloWriter(ExportDao dao, String baseUrl) {
        this.dao = dao;
        this.baseUrl = baseUrl;
    }

    /** The Popolo id of an official. */
    public static String personId(long officialId) {
        return "official-" + officialId;
    }

    /** The Popolo id of the organization of a country, level and branch ("gb-national-executive"). */
    public static String organizationId(String country, String level, String branch) {
        return (country + "-" + level + "-" + branch).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Writes the officials passing {@code filter}; leaves {@code out} open. */
    public void write(ExportFilter filter, OutputStream out) {
        try (JsonGenerator json = factory.createGenerator(NonClosing.of(out), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            Map<String, String[]> organizations = new TreeMap<>();
            json.writeArrayFieldStart("persons");
            dao.streamPeople(filter, p -> {
                organizations.putIfAbsent(organizationId(p.country(), p.level(), p.branch()),
                        new String[] {p.country(), p.level(), p.branch()});
                unchecked(() -> person(json, p));
            });
            json.writeEndArray();
            json.writeArrayFieldStart("organizations");
            for (Map.Entry<String, String[]> o : organizations.entrySet()) {
                String[] k = o.getValue();
                json.writeStartObject();
                json.writeStringField("id", o.getKey());
                json.writeStringField("name", Countries.name(k[0]) + ": " + k[1] + " " + k[2].replace('_', ' '));
                json.writeStringField("classification", k[2]);
                json.writeArrayFieldStart("identifiers");
                json.writeStartObject();
                json.writeStringField("scheme", "ISO 3166-1 alpha-2");
                json.writeStringField("identifier", k[0]);
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("memberships");
            dao.streamPeople(filter, p -> unchecked(() -> membership(json, p)));
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void person(JsonGenerator json, ExportDao.Person p) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", personId(p.id()));
        json.writeStringField("name", p.name());
        json.writeArrayFieldStart("identifiers");
        if (p.wikidataId() != null) {
            json.writeStartObject();
            json.writeStringField("scheme", "wikidata");
            json.writeStringField("identifier", p.wikidataId());
            json.writeEndObject();
        }
        json.writeStartObject();
        json.writeStringField("scheme", "officialblogs");
        json.writeStringField("identifier", Long.toString(p.id()));
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("links");
        for (String url : p.siteUrls()) link(json, url, "blog");
        for (String url : p.feedUrls()) link(json, url, "blog feed");
        link(json, baseUrl + "/officials/" + p.id(), "Official Blogs profile");
        if (p.wikidataId() != null) link(json, "https://www.wikidata.org/wiki/" + p.wikidataId(), "Wikidata");
        json.writeEndArray();
        json.writeArrayFieldStart("sources");
        for (String url : p.sources()) link(json, url, null);
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void membership(JsonGenerator json, ExportDao.Person p) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", "membership-" + p.id());
        json.writeStringField("person_id", personId(p.id()));
        json.writeStringField("organization_id", organizationId(p.country(), p.level(), p.branch()));
        if (!p.office().isBlank()) json.writeStringField("role", p.office());
        String place = p.locality() != null ? p.locality() : p.region();
        if (place != null) json.writeStringField("label", p.office().isBlank() ? place : p.office() + ", " + place);
        if (p.inOfficeFrom() != null && POPOLO_DATE.matcher(p.inOfficeFrom()).matches()) {
            json.writeStringField("start_date", p.inOfficeFrom());
        }
        if (p.inOfficeTo() != null && POPOLO_DATE.matcher(p.inOfficeTo()).matches()) {
            json.writeStringField("end_date", p.inOfficeTo());
        }
        if (p.party() != null && !p.party().isBlank()) {
            json.writeObjectFieldStart("extras");
            json.writeStringField("party", p.party());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void link(JsonGenerator json, String url, String note) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", url);
        if (note != null) json.writeStringField("note", note);
        json.writeEndObject();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
