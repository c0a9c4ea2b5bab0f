package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The pure parts of the SQLite-to-PostgreSQL copy: the foreign-key order and the canonical text of a value. */
class PostgresMigrationPlanTest {

    static Map<String, TreeSet<String>> needs(Object... pairs) {
        Map<String, TreeSet<String>> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> parents = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], new TreeSet<>(parents));
        }
        return m;
    }

    @Test
    void everyTableComesAfterTheTablesItsForeignKeysName() throws Exception {
        List<String> order = PostgresMigration.order(needs(
                "comment", List.of("post", "archive_document"), "post", List.of("blog", "archive_document"),
                "archive_document", List.of("blog"), "blog", List.of("official"), "official", List.of(),
                "account", List.of()));

        assertThat(order).containsExactly("account", "official", "blog", "archive_document", "post", "comment");
    }

    @Test
    void aCycleIsNamedNotLooped() {
        assertThatThrownBy(() -> PostgresMigration.order(needs("a", List.of("b"), "b", List.of("a"), "c", List.of())))
                .hasMessage("the foreign keys of a, b form a cycle; they cannot be copied one table after another");
    }

    @Test
    void separatorsInTextCannotPassForTheRowsOwn() {
        assertThat(RowChecksum.escape("a\tb\nc\\d\re")).isEqualTo("a\\tb\\nc\\\\d\\re");
        // "x\t" + "y" and "x" + "\ty" would join alike without the escape
        assertThat(RowChecksum.escape("x\t") + "\t" + RowChecksum.escape("y"))
                .isNotEqualTo(RowChecksum.escape("x") + "\t" + RowChecksum.escape("\ty"));
    }

    @Test
    void postgresTypesReadAsTheirKind() {
        assertThat(RowChecksum.Kind.ofPostgres("bigint")).isEqualTo(RowChecksum.Kind.INTEGER);
        assertThat(RowChecksum.Kind.ofPostgres("integer")).isEqualTo(RowChecksum.Kind.INTEGER);
        assertThat(RowChecksum.Kind.ofPostgres("double precision")).isEqualTo(RowChecksum.Kind.REAL);
        assertThat(RowChecksum.Kind.ofPostgres("bytea")).isEqualTo(RowChecksum.Kind.BYTES);
        assertThat(RowChecksum.Kind.ofPostgres("boolean")).isEqualTo(RowChecksum.Kind.BOOLEAN);
        assertThat(RowChecksum.Kind.ofPostgres("text")).isEqualTo(RowChecksum.Kind.TEXT);
    }
}
