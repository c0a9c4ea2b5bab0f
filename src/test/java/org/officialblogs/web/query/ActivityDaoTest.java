package org.officialblogs.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityDaoTest {

    @Test
    void aReadersNameAndProfileAreRedactedFromADecisionNoteAsWholeWords() {
        assertThat(ActivityDao.redact("display name 'Al Smith' differs from author; see https://x.example/al",
                "al smith", "https://x.example/al"))
                .isEqualTo("display name 'a reader' differs from author; see a reader");
        // a short name does not cut into other words
        assertThat(ActivityDao.redact("Already decided: Al is not the author", "Al"))
                .isEqualTo("Already decided: a reader is not the author");
        assertThat(ActivityDao.redact("no names here", null, " ")).isEqualTo("no names here");
        assertThat(ActivityDao.redact(null, "Al")).isNull();
    }
}
