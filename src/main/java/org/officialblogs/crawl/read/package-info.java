/**
 * Reading untrusted documents, shared by the feed reader ({@code crawl.feed}) and the comment readers
 * ({@code crawl.comments}): hardened XML parsing, lenient dates, markup to plain text, and the kinds of read failure
 * with their one mapping onto the crawl's stored failure kinds.
 */
package org.officialblogs.crawl.read;
