package org.officialblogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure of the sources: which package uses which, read from the imports and fully qualified names of
 * src/main/java. No package may depend, through any path, on a package that depends on it.
 */
class PackageStructureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A type of ours named by its package: an import or a fully qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.officialblogs(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) continue;
                String pkg = p.group(1);
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher r = REFERENCE.matcher(text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
                while (r.find()) {
                    if (!r.group(1).equals(pkg)) used.add(r.group(1));
                }
            }
        }
        return uses;
    }

    /** Packages that reach themselves again, each with one path that shows it. */
    static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.add(List.of(start));
            Map<String, Boolean> seen = new HashMap<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.poll();
                for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) {
                        found.add(String.join(" -> ", path) + " -> " + start);
                        paths.clear();
                        break;
                    }
                    if (seen.putIfAbsent(next, true) == null) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.add(longer);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys("org.officialblogs.cli", "org.officialblogs.web", "org.officialblogs.crawl");
        assertThat(cycles(uses)).isEmpty();
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(uses)).contains("a -> b -> c -> a").hasSize(3);
    }

    @Test
    void librariesStayInTheirPlace() throws IOException {
        // one place per library: the web framework and templates in web, feeds (Rome) in crawl/feed, HTTP in crawl/fetch
        Map<String, String> home = Map.of("io.javalin", "org.officialblogs.web", "gg.jte", "org.officialblogs.web",
                "com.rometools", "org.officialblogs.crawl.feed", "org.apache.hc", "org.officialblogs.crawl.fetch");
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) continue;
                for (var e : home.entrySet()) {
                    boolean named = text.contains("import " + e.getKey() + ".")
                            || Pattern.compile("[^\\w.]" + Pattern.quote(e.getKey()) + "\\.[a-z]*\\.?[A-Z]").matcher(text).find();
                    if (named && !p.group(1).startsWith(e.getValue())) {
                        outside.add(MAIN.relativize(file) + " uses " + e.getKey());
                    }
                }
            }
        }
        assertThat(outside).isEmpty();
    }
}
