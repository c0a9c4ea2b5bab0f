package org.officialblogs.discover;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.officialblogs.json.Json;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.HttpUrls;
import org.officialblogs.registry.Level;

/**
 * Reads a Popolo file (the EveryPolitician format: {@code persons}, {@code organizations}, {@code memberships},
 * {@code posts}, {@code events}) into proposals: each person's {@code links} and {@code contact_details} of type blog,
 * website or rss, their Wikidata id from {@code identifiers}, and the office from their current membership (its own
 * end date, or its legislative period's). A broken person record is reported with where it is and what is wrong,
 * and the others are read; a file that is not Popolo JSON at all is refused as a whole. Pure.
 */
public final class PopoloReader {

    /**
     * What the file does not say and the command does.
     *
     * @param country       ISO code of the country the file's officials serve
     * @param level         their level of government
     * @param fileUrl       where the file was downloaded from (a source of every entry), or null
     * @param fileName      the file's name, for messages and provenance
     */
    public record Options(String country, Level level, boolean includeFormer, LocalDate today, String fileUrl,
                          String fileName, String language) {}

    /** The proposals, what was wrong with which record, and counts for the summary. */
    public record Result(List<Proposal> proposals, List<String> problems, int persons, int withoutLinks, int former) {
        public Result {
            proposals = List.copyOf(proposals);
            problems = List.copyOf(problems);
        }
    }

    /** The file as a whole cannot be read. */
    public static final class NotPopoloException extends Exception {
        public NotPopoloException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern BLOG = Pattern.compile("\\b(blog|blogg|blogi|weblog|блог|ブログ|博客|部落格)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FEED = Pattern.compile("\\b(rss|atom|feed)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEBSITE = Pattern.compile("\\b(website|homepage|home page|web site|web|url|site)\\b", Pattern.CASE_INSENSITIVE);

    private record Membership(String office, Branch branch, boolean knownBranch, String party, String start, String end,
                              List<String> sources) {}

    /** Reads the file's bytes (UTF-8 JSON). */
    public Result read(byte[] file, Options o) throws NotPopoloException {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new NotPopoloException(o.fileName() + " is not JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotPopoloException(o.fileName() + " could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new NotPopoloException(o.fileName() + " is not a Popolo file: it is not a JSON object");
        JsonNode persons = root.get("persons");
        if (persons == null || !persons.isArray()) {
            throw new NotPopoloException(o.fileName() + " is not a Popolo file: it has no \"persons\" list");
        }
        Map<String, JsonNode> organizations = index(root.get("organizations"));
        Map<String, JsonNode> posts = index(root.get("posts"));
        Map<String, JsonNode> events = index(root.get("events"));
        Map<String, JsonNode> areas = index(root.get("areas"));
        Map<String, List<JsonNode>> membershipsByPerson = new HashMap<>();
        List<String> problems = new ArrayList<>();
        JsonNode memberships = root.get("memberships");
        if (memberships != null && memberships.isArray()) {
            int i = 0;
            for (JsonNode m : memberships) {
                String personId = text(m, "person_id");
                if (personId == null) problems.add("memberships[" + i + "]: no person_id; left out");
                else membershipsByPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(m);
                i++;
            }
        }
        String today = o.today().toString();
        List<Proposal> proposals = new ArrayList<>();
        int withoutLinks = 0;
        int former = 0;
        int index = 0;
        for (JsonNode p : persons) {
            String where = "persons[" + index + "]" + (text(p, "id") == null ? "" : " (id " + text(p, "id") + ")");
            index++;
            if (!p.isObject()) {
                problems.add(where + ": not an object; left out");
                continue;
            }
            String name = text(p, "name", o.language());
            if (name == null && (text(p, "given_name") != null || text(p, "family_name") != null)) {
                name = ((text(p, "given_name") == null ? "" : text(p, "given_name")) + " "
                        + (text(p, "family_name") == null ? "" : text(p, "family_name"))).strip();
            }
            if (name == null || name.isBlank()) {
                problems.add(where + ": no name; left out");
                continue;
            }
            where = where + " " + name;
            String wikidata = null;
            for (JsonNode id : array(p, "identifiers")) {
                if (!"wikidata".equalsIgnoreCase(text(id, "scheme"))) continue;
                String value = text(id, "identifier");
                if (WikidataIds.isItem(value)) wikidata = value;
                else problems.add(where + ": the wikidata identifier '" + value + "' is not an item id (Q followed by digits); ignored");
            }
            PersonLinks links = new PersonLinks();
            for (JsonNode l : array(p, "links")) {
                LinkKind kind = kind(text(l, "note"));
                if (kind != null) addLink(links, text(l, "url"), kind, where, problems);
            }
            for (JsonNode c : array(p, "contact_details")) {
                LinkKind kind = kind(text(c, "type"));
                if (kind != null) addLink(links, text(c, "value"), kind, where, problems);
            }
            if (links.isEmpty()) {
                withoutLinks++;
                continue;
            }
            List<Membership> held = new ArrayList<>();
            for (JsonNode m : membershipsByPerson.getOrDefault(text(p, "id"), List.of())) {
                Membership ms = membership(m, organizations, posts, events, o.language(), where, problems);
                if (ms != null) held.add(ms);
            }
            List<Membership> current = held.stream().filter(m -> !ended(m.end(), today)).toList();
            if (!held.isEmpty() && current.isEmpty() && !o.includeFormer()) {
                former++;
                continue;
            }
            List<Membership> ordered = new ArrayList<>(current.isEmpty() ? held : current);
            ordered.sort(Comparator.comparing((Membership m) -> m.start() == null ? "" : m.start()).reversed());
            Membership main = ordered.isEmpty() ? null : ordered.get(0);
            List<String> others = new ArrayList<>();
            for (Membership m : held) {
                if (m == main || m.office().equals(main == null ? null : main.office())) continue;
                String text = m.office() + (m.start() == null && m.end() == null ? ""
                        : " (" + (m.start() == null ? "?" : m.start()) + " – " + (m.end() == null ? "" : m.end()) + ")");
                if (!others.contains(text)) others.add(text);
            }
            Set<String> sources = new LinkedHashSet<>();
            for (JsonNode s : array(p, "sources")) addSource(sources, text(s, "url"));
            if (main != null) main.sources().forEach(s -> addSource(sources, s));
            addSource(sources, o.fileUrl());
            String region = null;
            for (JsonNode m : membershipsByPerson.getOrDefault(text(p, "id"), List.of())) {
                JsonNode area = areas.get(text(m, "area_id"));
                if (area != null && text(area, "name", o.language()) != null) region = text(area, "name", o.language());
            }
            for (PersonLinks.Link l : links.links()) {
                proposals.add(new Proposal(wikidata, name, main == null ? "" : main.office(), o.country(), region,
                        o.level(), main == null ? Branch.OTHER : main.branch(), null, main != null && main.knownBranch(),
                        others, main == null ? null : main.party(), main == null ? null : main.start(),
                        main == null ? null : main.end(), o.language(), l.url(), l.kind(), l.feedHint(),
                        CandidateSource.POPOLO, List.copyOf(sources), o.fileUrl() == null ? o.fileName() : null));
            }
        }
        return new Result(proposals, problems, index, withoutLinks, former);
    }

    private static Membership membership(JsonNode m, Map<String, JsonNode> organizations, Map<String, JsonNode> posts,
                                         Map<String, JsonNode> events, String language, String where,
                                         List<String> problems) {
        JsonNode org = organizations.get(text(m, "organization_id"));
        JsonNode post = posts.get(text(m, "post_id"));
        if (org == null && post != null) org = organizations.get(text(post, "organization_id"));
        if (org == null && post == null) {
            problems.add(where + ": a membership names the organization '" + text(m, "organization_id")
                    + "', which the file does not list; that membership is ignored");
            return null;
        }
        String classification = org == null ? "" : String.valueOf(text(org, "classification")).toLowerCase(Locale.ROOT);
        if (classification.equals("party")) return null;
        String role = text(m, "role", language) != null ? text(m, "role", language)
                : post == null ? null : text(post, "role", language);
        String office;
        if (post != null && text(post, "label", language) != null) office = text(post, "label", language);
        else office = capitalise(role == null ? "member" : role)
                + (org == null || text(org, "name", language) == null ? "" : ", " + text(org, "name", language));
        Branch branch = switch (classification) {
            case "legislature", "chamber", "parliament", "lower house", "upper house" -> Branch.LEGISLATIVE;
            case "executive", "government", "cabinet", "ministry" -> Branch.EXECUTIVE;
            case "judiciary", "court" -> Branch.JUDICIAL;
            default -> Branch.OTHER;
        };
        JsonNode period = events.get(text(m, "legislative_period_id"));
        String start = date(text(m, "start_date"));
        String end = date(text(m, "end_date"));
        if (start == null && period != null) start = date(text(period, "start_date"));
        if (end == null && period != null) end = date(text(period, "end_date"));
        JsonNode party = organizations.get(text(m, "on_behalf_of_id"));
        List<String> sources = new ArrayList<>();
        for (JsonNode s : array(m, "sources")) if (text(s, "url") != null) sources.add(text(s, "url"));
        return new Membership(office, branch, branch != Branch.OTHER, party == null ? null : text(party, "name", language),
                start, end, sources);
    }

    /** The kind of a link's note or a contact detail's type, or null when it is none of blog, feed, website. */
    static LinkKind kind(String label) {
        if (label == null) return null;
        if (BLOG.matcher(label).find()) return LinkKind.BLOG;
        if (FEED.matcher(label).find()) return LinkKind.FEED;
        if (WEBSITE.matcher(label).find()) return LinkKind.WEBSITE;
        return null;
    }

    private static void addLink(PersonLinks links, String url, LinkKind kind, String where, List<String> problems) {
        if (url == null || url.isBlank()) {
            problems.add(where + ": a " + kind.label() + " link without an address; ignored");
        } else if (!links.add(url, kind)) {
            problems.add(where + ": the " + kind.label() + " link '" + url + "' " + HttpUrls.whyNotHttpUrl(url) + "; ignored");
        }
    }

    private static void addSource(Set<String> sources, String url) {
        if (url != null && HttpUrls.parseHttpUrl(url).isPresent()) sources.add(url.strip());
    }

    /** True when a partial date (YYYY, YYYY-MM, YYYY-MM-DD) lies wholly before today. */
    static boolean ended(String end, String today) {
        return end != null && end.compareTo(today.substring(0, end.length())) < 0;
    }

    private static String date(String v) {
        if (v == null) return null;
        String d = v.strip();
        if (d.length() > 10 && d.charAt(10) == 'T') d = d.substring(0, 10);
        return PARTIAL_DATE.matcher(d).matches() ? d : null;
    }

    private static Map<String, JsonNode> index(JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        if (list == null || !list.isArray()) return out;
        for (JsonNode n : list) if (text(n, "id") != null) out.putIfAbsent(text(n, "id"), n);
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        return a != null && a.isArray() ? a : List.of();
    }

    private static String text(JsonNode n, String field) {
        return text(n, field, null);
    }

    /**
     * A field's text; a name given in several languages ({@code {"lang:en": "...", "lang:cy": "..."}}, as
     * EveryPolitician's multilingual files have it) in {@code language} if it has one, else English, else the first.
     */
    private static String text(JsonNode n, String field, String language) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.asText() : v.isNumber() ? v.asText() : v.isObject() ? inLanguage(v, language) : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String inLanguage(JsonNode names, String language) {
        for (String key : new String[] {language == null ? null : "lang:" + language, "lang:en"}) {
            JsonNode v = key == null ? null : names.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) return v.asText();
        }
        for (var it = names.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith("lang:") && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
