package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.officialblogs.json.Json;

class SubmissionRequestTest {

    static SubmissionRequest.Parsed parse(String json) throws Exception {
        JsonNode root = Json.mapper().readTree(json);
        return SubmissionRequest.parse(root);
    }

    @Test
    void aNewBlogIsTheDefaultKindAndNullFieldsAreEmpty() throws Exception {
        var p = parse("{\"name\":\"Ann Good\",\"blog_url\":\"https://ann.example/\",\"office\":null}");
        assertThat(p.ok()).isTrue();
        assertThat(p.request().evidence()).isFalse();
        assertThat(p.request().officialId()).isNull();
        assertThat(p.request().input().get("name")).isEqualTo("Ann Good");
        assertThat(p.request().input().get("office")).isEmpty();
    }

    @Test
    void evidenceNeedsTheOfficialsNumberAsANumberOrText() throws Exception {
        assertThat(parse("{\"kind\":\"evidence\",\"official_id\":12}").request().officialId()).isEqualTo(12L);
        assertThat(parse("{\"kind\":\"evidence\",\"official_id\":\"12\"}").request().officialId()).isEqualTo(12L);
        assertThat(parse("{\"kind\":\"evidence\"}").problems())
                .containsEntry("official_id", "is required for evidence: the number of a listed official");
    }

    @Test
    void unknownFieldsNonTextValuesAndUnknownKindsAreNamed() throws Exception {
        var p = parse("{\"nme\":\"x\",\"name\":42}");
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).containsKeys("nme", "name");
        assertThat(p.problems().get("nme")).startsWith("is not a field of a submission; the fields are ");
        assertThat(p.problems().get("name")).isEqualTo("must be a string");
        assertThat(parse("{\"kind\":\"other\"}").problems()).containsEntry("kind", "must be 'new' or 'evidence'");
    }
}
