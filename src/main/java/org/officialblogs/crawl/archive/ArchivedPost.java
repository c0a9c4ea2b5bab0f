package org.officialblogs.crawl.archive;

import java.util.List;
import java.util.Objects;
import org.officialblogs.crawl.feed.FeedItem;

/**
 * A post as the archive's captures show it, merged across captures and feed formats.
 *
 * @param item          the post as the latest capture listing it shows it (a publication date missing there is
 *                      taken from an earlier capture)
 * @param firstListedBy the earliest capture that listed it
 * @param lastListedBy  the latest capture that listed it
 * @param listings      how many captures listed it
 * @param ids           every id the post had in the captures (a guid in RSS, an id in Atom), first seen first
 */
public record ArchivedPost(FeedItem item, CaptureSource firstListedBy, CaptureSource lastListedBy, int listings,
                           List<String> ids) {

    public ArchivedPost {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(firstListedBy, "firstListedBy");
        Objects.requireNonNull(lastListedBy, "lastListedBy");
        ids = List.copyOf(ids);
    }
}
