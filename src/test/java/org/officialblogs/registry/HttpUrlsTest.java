package org.officialblogs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "https://Example.org/blog/,                      http://example.org/blog",
            "https://www.example.org/blog,                   http://example.org/blog",
            "http://example.org:80/blog,                     https://example.org:443/blog/",
            "https://example.org/blog/?utm_source=x&utm_medium=y, https://example.org/blog",
            "https://example.org/blog?fbclid=abc#top,        https://example.org/blog",
            "https://example.org/?b=2&a=1,                   https://example.org/?a=1&b=2",
            "https://example.org/%7Ejane/,                   https://example.org/~jane",
            "https://EXAMPLE.org./feed,                      https://example.org/feed/",
            "https://example.org//blog//,                    https://example.org/blog",
    })
    void variantsOfTheSameAddressShareAKey(String a, String b) {
        assertThat(HttpUrls.key(a)).isPresent().isEqualTo(HttpUrls.key(b));
    }

    @ParameterizedTest
    @CsvSource({
            "https://example.org/blog,       https://example.org/news",
            "https://example.org:8080/,      https://example.org/",
            "https://example.org/?p=1,       https://example.org/?p=2",
            "https://blog.example.org/,      https://example.org/",
    })
    void differentAddressesKeepDifferentKeys(String a, String b) {
        assertThat(HttpUrls.key(a)).isNotEqualTo(HttpUrls.key(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "example.org", "ftp://example.org/", "javascript:alert(1)", "https://",
            "https://user:pw@example.org/", "https://exa mple.org/", "https://example.org/\u0000", "mailto:a@b.org", "file:///etc/passwd"})
    void refusesWhatIsNotAnHttpAddress(String raw) {
        assertThat(HttpUrls.parseHttpUrl(raw)).isEmpty();
        assertThat(HttpUrls.whyNotHttpUrl(raw)).isNotBlank();
    }
}
