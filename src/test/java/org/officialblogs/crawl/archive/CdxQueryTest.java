package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CdxQueryTest {

    private static final URI ENDPOINT = URI.create("https://web.archive.org");

    @Test
    void asksForJsonWithTheFieldsFiltersCollapseRangeAndPaging() {
        CdxQuery query = CdxQuery.readableCaptures(URI.create("http://www.norm2782.com/?feed=rss2"), MatchType.EXACT,
                "2008", "2010", 500);

        assertThat(query.uri(ENDPOINT)).hasToString("https://web.archive.org/cdx/search/cdx"
                + "?url=http%3A%2F%2Fwww.norm2782.com%2F%3Ffeed%3Drss2&matchType=exact&output=json"
                + "&fl=timestamp%2Coriginal%2Cmimetype%2Cstatuscode%2Cdigest%2Clength"
                + "&filter=statuscode%3A%28200%7C301%7C302%7C303%7C307%7C308%29&collapse=digest"
                + "&from=2008&to=2010&limit=500&showResumeKey=true");
    }

    @Test
    void theNextPageCarriesTheResumeKeyAndAMirrorKeepsItsPath() {
        CdxQuery query = CdxQuery.readableCaptures(URI.create("http://blog.example.org/feed/"), MatchType.PREFIX,
                null, null, 3).resumedAt("org,example,blog)/feed 20090105120000!");

        assertThat(query.uri(URI.create("http://127.0.0.1:8080/wayback")).toString())
                .startsWith("http://127.0.0.1:8080/wayback/cdx/search/cdx?url=")
                .contains("&matchType=prefix&")
                .doesNotContain("from=").doesNotContain("to=")
                .endsWith("&limit=3&showResumeKey=true&resumeKey=org%2Cexample%2Cblog%29%2Ffeed+20090105120000%21");
    }

    @Test
    void captureTimesAreOneToFourteenDigits() {
        URI url = URI.create("http://blog.example.org/feed/");
        assertThatThrownBy(() -> CdxQuery.readableCaptures(url, MatchType.EXACT, "2009-01", null, 10))
                .hasMessageContaining("from must be 1-14 digits");
        assertThatThrownBy(() -> CdxQuery.readableCaptures(url, MatchType.EXACT, null, "200901051200000", 10))
                .hasMessageContaining("to must be 1-14 digits");
        assertThatThrownBy(() -> CdxQuery.readableCaptures(url, MatchType.EXACT, null, null, 0))
                .hasMessageContaining("limit");
    }
}
