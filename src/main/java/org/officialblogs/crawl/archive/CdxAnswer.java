package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;

/** One CDX answer read: a page of captures, or why it could not be read. */
public sealed interface CdxAnswer permits CdxAnswer.Page, CdxAnswer.Failed {

    /**
     * The captures of one answer.
     *
     * @param captures  the well-formed lines, in the answer's order
     * @param resumeKey where to continue, or null when the answer was the last page
     * @param skipped   rows left out because they were malformed
     * @param notes     what was wrong with them, row by row (the first few)
     */
    record Page(List<CdxCapture> captures, String resumeKey, int skipped, List<String> notes) implements CdxAnswer {
        public Page {
            captures = List.copyOf(captures);
            notes = List.copyOf(notes);
        }

        static Page empty() {
            return new Page(List.of(), null, 0, List.of());
        }
    }

    /** The answer as a whole was unusable. */
    record Failed(ArchiveFailure failure) implements CdxAnswer {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
