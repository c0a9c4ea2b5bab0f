package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the blog platform from generator declarations, URL shapes, item ids and page resources, in that
 * order of trust: a generator is declared by the software itself, a host name can be a custom domain in front of
 * anything, and resource URLs (themes, CDNs) are the weakest hint.
 */
public final class PlatformDetector {

    private record Rule(Platform platform, Pattern pattern) {
        boolean matches(String s) {
            return pattern.matcher(s).find();
        }
    }

    private static Rule rule(Platform platform, String regex) {
        return new Rule(platform, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    private static final List<Rule> GENERATORS = List.of(
            rule(Platform.WORDPRESS, "wordpress"),
            rule(Platform.BLOGGER, "blogger"),
            rule(Platform.SUBSTACK, "substack"),
            rule(Platform.MEDIUM, "^medium\\b|medium\\.com"),
            rule(Platform.GHOST, "^ghost\\b|ghost\\.org"),
            rule(Platform.TYPEPAD, "typepad"),
            rule(Platform.MOVABLE_TYPE, "movable ?type|movabletype\\.org"),
            rule(Platform.DRUPAL, "drupal"),
            rule(Platform.TUMBLR, "tumblr"),
            rule(Platform.SQUARESPACE, "squarespace"),
            rule(Platform.HUGO, "\\bhugo\\b|gohugo\\.io"),
            rule(Platform.JEKYLL, "jekyll"));

    /** Host and path shapes of hosted platforms and of self-hosted software with fixed paths. */
    private static final List<Rule> URLS = List.of(
            rule(Platform.BLOGGER, "^https?://[^/]*\\.blogspot\\.[a-z.]+(/|$)"),
            rule(Platform.BLOGGER, "^https?://(www\\.)?blogger\\.com/feeds/"),
            rule(Platform.BLOGGER, "^https?://[^/?#]+/feeds/(posts|comments|\\d+/comments)/(default|full|summary)"),
            rule(Platform.MEDIUM, "^https?://([^/]*\\.)?medium\\.com(/|$)"),
            rule(Platform.SUBSTACK, "^https?://[^/]*\\.substack\\.com(/|$)"),
            rule(Platform.WORDPRESS, "^https?://[^/]*\\.wordpress\\.com(/|$)"),
            rule(Platform.WORDPRESS, "^https?://[^?#]*/(wp-content|wp-includes|wp-json|wp-admin)/"),
            rule(Platform.WORDPRESS, "[?&](feed=(rss2|atom|rss)|p=\\d+)(&|#|$)"),
            rule(Platform.TYPEPAD, "^https?://[^/]*\\.typepad\\.com(/|$)"),
            rule(Platform.TUMBLR, "^https?://[^/]*\\.tumblr\\.com(/|$)"),
            rule(Platform.GHOST, "^https?://[^/]*\\.ghost\\.io(/|$)"),
            rule(Platform.SQUARESPACE, "^https?://[^/]*\\.squarespace\\.com(/|$)"));

    private static final List<Rule> ITEM_IDS = List.of(
            rule(Platform.BLOGGER, "^tag:blogger\\.com,1999:blog-\\d+\\.post-\\d+$"),
            rule(Platform.WORDPRESS, "^https?://[^?#]+/?\\?p=\\d+$"),
            rule(Platform.MEDIUM, "^https?://medium\\.com/p/[0-9a-f]+$"),
            rule(Platform.TYPEPAD, "^tag:typepad\\.com,\\d+:post-"),
            rule(Platform.TUMBLR, "^https?://[^/]*\\.tumblr\\.com/post/\\d+"),
            // Drupal's RSS guid is "<node id> at <site>"; without a guid, its unaliased links are /node/<id>.
            rule(Platform.DRUPAL, "^\\d+ at https?://"),
            rule(Platform.DRUPAL, "^https?://[^/]+/node/\\d+$"));

    private static final List<Rule> RESOURCES = List.of(
            rule(Platform.WORDPRESS, "/wp-(content|includes)/"),
            rule(Platform.BLOGGER, "(www\\.)?blogger\\.com/(static|dyn-css|img)|\\.bp\\.blogspot\\.com|blogblog\\.com"),
            rule(Platform.SUBSTACK, "substackcdn\\.com|substack-post-media"),
            rule(Platform.MEDIUM, "miro\\.medium\\.com|cdn-images-\\d\\.medium\\.com|cdn-static-\\d\\.medium\\.com"),
            rule(Platform.TUMBLR, "(assets|static)\\.tumblr\\.com|\\.media\\.tumblr\\.com"),
            rule(Platform.SQUARESPACE, "static1\\.squarespace\\.com|squarespace-cdn\\.com"),
            rule(Platform.TYPEPAD, "static\\.typepad\\.com|typepad\\.com/\\.shared"),
            rule(Platform.DRUPAL, "/sites/(default|all)/(files|modules|themes)/|/misc/drupal\\.js"),
            rule(Platform.GHOST, "/ghost/api/|/public/ghost(-sdk)?\\.(min\\.)?js"));

    public PlatformMatch detect(PlatformClues clues) {
        for (String generator : clues.generators()) {
            for (Rule rule : GENERATORS) {
                if (rule.matches(generator.strip())) {
                    return new PlatformMatch(rule.platform(), "declared \"" + generator.strip() + "\"");
                }
            }
        }
        for (URI url : clues.urls()) {
            String s = url.toString();
            for (Rule rule : URLS) {
                if (rule.matches(s)) {
                    return new PlatformMatch(rule.platform(), "URL " + s);
                }
            }
        }
        for (String id : clues.itemIds()) {
            for (Rule rule : ITEM_IDS) {
                if (rule.matches(id.strip())) {
                    return new PlatformMatch(rule.platform(), "item id " + id.strip());
                }
            }
        }
        for (Rule rule : RESOURCES) {
            for (String resource : clues.resourceUrls()) {
                if (rule.matches(resource.toLowerCase(Locale.ROOT))) {
                    return new PlatformMatch(rule.platform(), "page resource " + resource);
                }
            }
        }
        return PlatformMatch.other();
    }

    /** Shortcut for {@code detect(PlatformClues.ofFeed(feedUrl, feed))}. */
    public PlatformMatch detect(URI feedUrl, ParsedFeed feed) {
        return detect(PlatformClues.ofFeed(feedUrl, feed));
    }
}
