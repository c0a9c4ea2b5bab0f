package org.officialblogs.crawl;

import java.time.Instant;

/** A post as read from a feed, ready to store; text fields are plain text (summary already sanitised). */
public record PostRecord(String guid, String url, String title, Instant publishedAt, Instant updatedAt, String authorName,
                         String authorUri, String summary, String commentsUrl, String commentFeedUrl, String repliesUrl,
                         String platformPostId, Integer reportedComments) {}
