package org.officialblogs.crawl.feed;

import java.util.Objects;

/** A recognised platform and the clue that decided it (for logs and the admin view). */
public record PlatformMatch(Platform platform, String evidence) {

    public PlatformMatch {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(evidence, "evidence");
    }

    static PlatformMatch other() {
        return new PlatformMatch(Platform.OTHER, "no platform clue");
    }
}
