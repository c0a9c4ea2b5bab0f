package org.officialblogs.crawl.comments.detect;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.api.DetectedService;
import org.officialblogs.crawl.comments.commento.CommentoSite;
import org.officialblogs.crawl.comments.ghost.GhostSite;
import org.officialblogs.crawl.comments.github.GiscusSite;
import org.officialblogs.crawl.comments.github.UtterancesSite;
import org.officialblogs.crawl.comments.isso.IssoSite;
import org.officialblogs.crawl.comments.remark42.Remark42Site;
import org.officialblogs.crawl.comments.substack.SubstackPublication;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;

/**
 * Restores a blog's comment system from what was stored of it ({@link CommentSystem#service()} and
 * {@link CommentSystem#settings()}), so later checks go straight to the source that works.
 */
public final class CommentSystems {

    private CommentSystems() {
    }

    /**
     * @param evidence what to say decided it (the stored evidence)
     * @throws IllegalArgumentException when a setting the service needs is missing or not an http(s) address
     */
    public static CommentSystem restore(CommentService service, Map<String, String> settings, String evidence) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(settings, "settings");
        String why = evidence == null ? "stored" : evidence;
        return switch (service) {
            case WORDPRESS_REST -> new WordPressRestSite(uri(settings, WordPressRestSite.API_ROOT), why);
            case SUBSTACK -> new SubstackPublication(uri(settings, SubstackPublication.BASE), why);
            case GHOST -> new GhostSite(uri(settings, GhostSite.SITE), optionalUri(settings, GhostSite.CONTENT_API),
                    settings.get(GhostSite.CONTENT_KEY), settings.get(GhostSite.COMMENTS_ENABLED), why);
            case ISSO -> new IssoSite(uri(settings, IssoSite.ENDPOINT), why);
            case REMARK42 -> new Remark42Site(uri(settings, Remark42Site.HOST), settings.get(Remark42Site.SITE_ID),
                    why);
            case COMMENTO -> new CommentoSite(uri(settings, CommentoSite.ORIGIN), why);
            case GISCUS -> new GiscusSite(uri(settings, GiscusSite.ORIGIN), required(settings, GiscusSite.REPO),
                    settings.get(GiscusSite.CATEGORY), settings.get(GiscusSite.MAPPING), settings.get(GiscusSite.TERM),
                    Boolean.parseBoolean(settings.get(GiscusSite.STRICT)), why);
            case UTTERANCES -> new UtterancesSite(optionalUri(settings, UtterancesSite.API) == null
                    ? UtterancesSite.GITHUB_API : uri(settings, UtterancesSite.API),
                    required(settings, UtterancesSite.REPO), settings.get(UtterancesSite.ISSUE_TERM),
                    settings.containsKey(UtterancesSite.ISSUE_NUMBER)
                            ? Integer.valueOf(settings.get(UtterancesSite.ISSUE_NUMBER)) : null, why);
            case PAGE_MARKUP, MEDIUM, DISQUS, FACEBOOK, HYVOR -> new DetectedService(service, why);
        };
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("setting " + key + " is missing");
        }
        return value;
    }

    private static URI uri(Map<String, String> settings, String key) {
        URI uri = optionalUri(settings, key);
        if (uri == null) {
            throw new IllegalArgumentException("setting " + key + " is missing");
        }
        return uri;
    }

    private static URI optionalUri(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri = URI.create(value.strip());
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("setting " + key + " is not an http(s) address: " + value);
        }
        return uri;
    }
}
