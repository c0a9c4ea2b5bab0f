package org.officialblogs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against Redocly CLI's recommended rules. The rules that bear on this document are checked
 * here in Java, always (security declared on every operation, a summary, unique URL-safe operation ids, a 2xx and a
 * 4xx answer, a licence with its URL, a server that is not example.com or localhost, path parameters declared, every
 * reference resolved, no unused component); and Redocly CLI itself, pinned in tools/openapi-lint, lints the
 * document when it is installed there ({@code npm ci --prefix tools/openapi-lint}, as CI does).
 */
class OpenApiLintTest {

    static final Path REDOCLY_DIR = Path.of(System.getProperty("officialblogs.projectDir", "."), "tools", "openapi-lint");
    final ObjectMapper json = new ObjectMapper();

    JsonNode document() throws IOException {
        return json.readTree(new OpenApiDocument("https://blogs.example.org", "1.0.0", "__Host-ob_session").json());
    }

    @Test
    void everyOperationDeclaresItsSecurityPublicReadsNoneTheAdminApiTheSessionCookie() throws IOException {
        JsonNode doc = document();
        JsonNode scheme = doc.at("/components/securitySchemes/" + OpenApiDocument.MODERATOR_SESSION);
        assertThat(scheme.get("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asText()).isEqualTo("cookie");
        assertThat(scheme.get("name").asText()).isEqualTo("__Host-ob_session");
        for (Map.Entry<String, JsonNode> op : operations(doc)) {
            JsonNode security = op.getValue().get("security");
            assertThat(security).as(op.getKey()).isNotNull();
            if (op.getKey().contains("/api/v1/admin/")) {
                assertThat(security.size()).as(op.getKey()).isEqualTo(1);
                assertThat(security.get(0).has(OpenApiDocument.MODERATOR_SESSION)).as(op.getKey()).isTrue();
            } else {
                assertThat(security.size()).as(op.getKey() + ": public, security: []").isZero();
            }
        }
    }

    @Test
    void theRecommendedRulesThatBearOnThisDocumentHold() throws IOException {
        JsonNode doc = document();
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
        assertThat(doc.at("/info/license/url").asText() + doc.at("/info/license/identifier").asText()).isNotBlank();
        assertThat(doc.get("servers")).isNotEmpty();
        for (JsonNode server : doc.get("servers")) {
            assertThat(server.get("url").asText()).doesNotContain("example.com").doesNotContain("localhost")
                    .doesNotEndWith("/");
        }
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : operations(doc)) {
            JsonNode o = op.getValue();
            assertThat(o.get("summary").asText()).as(op.getKey()).isNotBlank();
            String id = o.get("operationId").asText();
            assertThat(ids.add(id)).as("unique operationId " + id).isTrue();
            assertThat(id).matches("[A-Za-z0-9_.~:-]+");
            List<String> statuses = new ArrayList<>();
            o.get("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(op.getKey()).anyMatch(s -> s.startsWith("2")).anyMatch(s -> s.startsWith("4"));
            String path = op.getKey().substring(op.getKey().indexOf(' ') + 1);
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                String name = m.group(1);
                boolean declared = false;
                for (JsonNode p : o.path("parameters")) {
                    declared |= p.get("name").asText().equals(name) && p.get("in").asText().equals("path")
                            && p.get("required").asBoolean();
                }
                assertThat(declared).as(op.getKey() + " declares {" + name + "}").isTrue();
            }
        }
        // every $ref resolves, and every component is used
        String text = doc.toString();
        Matcher refs = Pattern.compile("\"\\$ref\":\"#/([^\"]+)\"").matcher(text);
        Set<String> used = new HashSet<>();
        while (refs.find()) {
            assertThat(doc.at("/" + refs.group(1)).isMissingNode()).as("$ref " + refs.group(1)).isFalse();
            used.add(refs.group(1));
        }
        for (String kind : List.of("schemas", "headers")) {
            doc.at("/components/" + kind).fieldNames().forEachRemaining(name ->
                    assertThat(used).as("component " + kind + "/" + name + " is used").contains("components/" + kind + "/" + name));
        }
    }

    @Test
    void redoclyCliFindsNoProblem(@TempDir Path dir) throws Exception {
        Path cli = REDOCLY_DIR.resolve("node_modules/.bin/redocly");
        String how = "Redocly CLI is not installed in " + REDOCLY_DIR + ": run `npm ci --prefix tools/openapi-lint` (CI"
                + " does) to lint the document with it; the rules it checks are also checked in Java above.";
        if (!Files.isExecutable(cli) && "true".equals(System.getenv("CI"))) fail("CI=true but " + how);
        Assumptions.assumeTrue(Files.isExecutable(cli), how);
        Path file = Files.write(dir.resolve("openapi.json"),
                new OpenApiDocument("https://blogs.example.org", "1.0.0", "__Host-ob_session").json());
        Process p = new ProcessBuilder(cli.toAbsolutePath().toString(), "lint", "--config",
                REDOCLY_DIR.resolve("redocly.yaml").toAbsolutePath().toString(), "--format=summary", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("Your API description is valid").doesNotContain("warning ");
    }

    static List<Map.Entry<String, JsonNode>> operations(JsonNode doc) {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                ops.add(Map.entry(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue()))));
        return ops;
    }
}
