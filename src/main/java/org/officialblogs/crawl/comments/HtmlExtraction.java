package org.officialblogs.crawl.comments;

import java.util.List;

/** What one markup reader found on a page, before the page-level state is added. */
record HtmlExtraction(CommentSourceKind source, List<Comment> comments, boolean truncated, int pingbacksIgnored,
        CommentMarkup markup) {
}
