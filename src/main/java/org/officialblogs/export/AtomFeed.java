package org.officialblogs.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Atom 1.0 feed (RFC 4287) to write.
 *
 * @param id the feed's permanent IRI
 * @param title plain text
 * @param selfUrl where the feed itself is served
 * @param alternateUrl the HTML page it mirrors
 * @param updated the newest change of any entry (or of the feed)
 * @param entries newest first
 */
public record AtomFeed(String id, String title, String selfUrl, String alternateUrl, Instant updated,
                       List<Entry> entries) {

    public AtomFeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(updated, "updated");
        entries = List.copyOf(entries);
    }

    /**
     * One entry.
     *
     * @param id permanent IRI
     * @param title plain text
     * @param url the page it links to (rel="alternate"), or null
     * @param authorName plain text
     * @param published first publication, or null
     * @param updated last change
     * @param summary plain text, or null
     */
    public record Entry(String id, String title, String url, String authorName, Instant published, Instant updated,
                        String summary) {

        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(updated, "updated");
        }
    }
}
