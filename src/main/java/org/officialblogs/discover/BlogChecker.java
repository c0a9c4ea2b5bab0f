package org.officialblogs.discover;

import java.time.Instant;

/**
 * Checks one candidate address the way the crawler reads blogs: a blog or feed address is read as a blog; a website
 * is searched for one (its feed links, the platform's usual feed paths, a link that says blog, news, journal, diary
 * or articles). The crawler implements it ({@code crawl.CandidateBlogChecker}) through its own fetcher, so robots.txt,
 * the address guard, politeness and the size and time limits apply. Never throws: a failure is evidence too.
 */
public interface BlogChecker {

    /**
     * @param feedHint     a feed the source gives for this blog, tried first; may be null
     * @param officialName whose byline to look for
     * @param language     the site's likely language (ISO 639-1), to read its links; may be null
     */
    record Request(String url, LinkKind kind, String feedHint, String officialName, String language) {}

    Evidence check(Request request, Instant now);
}
