package org.officialblogs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration, for everything that reads or writes JSON: the API's answers and the pages' JSON,
 * submitted bodies, the audit log's records, the published data package and OpenAPI document, and the WordPress REST
 * answers the crawler reads. Components that write files for people (pretty-printed) ask for a writer with
 * {@code SerializationFeature.INDENT_OUTPUT} on this mapper rather than configuring their own.
 */
public final class Json {

    /** Deepest nesting read: untrusted bodies (submissions, crawled REST answers) must not exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value read, in characters. */
    public static final int MAX_STRING_LENGTH = 5_000_000;

    private Json() {}

    /**
     * A mapper with the house settings: {@code java.time} values as ISO-8601 text, and bounded nesting and string
     * length when reading, since most JSON read here comes from outside. Thread-safe once made; each component keeps
     * the one it is given.
     */
    public static ObjectMapper mapper() {
        return mapperNestedTo(MAX_NESTING_DEPTH);
    }

    /** The house mapper for documents that nest deeper by nature (threads of replies to replies), still bounded. */
    public static ObjectMapper mapperNestedTo(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth).maxStringLength(MAX_STRING_LENGTH).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
