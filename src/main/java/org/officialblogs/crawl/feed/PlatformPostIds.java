package org.officialblogs.crawl.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derives a platform's own post id from an item id, when the platform prints one. */
final class PlatformPostIds {

    private static final Pattern WORDPRESS = Pattern.compile("[?&]p=(\\d+)(?:&|#|$)");
    private static final Pattern BLOGGER = Pattern.compile("^tag:blogger\\.com,1999:blog-\\d+\\.post-(\\d+)$");
    private static final Pattern MEDIUM = Pattern.compile("^https?://medium\\.com/p/([0-9a-f]{6,})$");

    private PlatformPostIds() {
    }

    /** WordPress {@code ?p=123} guid → "123"; Blogger {@code tag:blogger.com,1999:blog-X.post-Y} → "Y"; Medium. */
    static String fromItemId(String id) {
        if (id == null) {
            return null;
        }
        for (Pattern pattern : new Pattern[] {BLOGGER, WORDPRESS, MEDIUM}) {
            Matcher m = pattern.matcher(id.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
