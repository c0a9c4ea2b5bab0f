package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyDetectorTest {
    private final ReplyDetector detector = new ReplyDetector();

    private static Comment comment(CommentSourceKind source, String id, String name, Set<PlatformFlag> flags) {
        return Comment.undecided(source, id, null, Instant.parse("2024-01-01T00:00:00Z"), name, null, null, flags);
    }

    private static Comment guest(String id, String name) {
        return comment(CommentSourceKind.HTML_WORDPRESS, id, name, Set.of());
    }

    @Test
    void aliasesMatchIgnoringCaseSpacingAndAccentsButOnlyWholeNames() {
        List<String> aliases = List.of("Mike", "Secretary Leavitt", "MikeL", "Zoë Ångström");
        List<Comment> comments = List.of(
                guest("1", "  secretary   LEAVİTT "),
                guest("2", "Sécrétary Leavitt"),
                guest("3", "mikel"),
                guest("4", "Míke"),
                guest("5", "Zoe Angstrom"),
                guest("6", "Mike L."),
                guest("7", "Mikey"),
                guest("8", "Secretary\u00A0Leavitt"));

        List<Comment> decided = detector.decide(comments, PostAuthor.named("Michael Leavitt"), aliases);

        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("1", AuthorshipSignal.ALIAS), tuple("2", AuthorshipSignal.ALIAS),
                tuple("3", AuthorshipSignal.ALIAS), tuple("4", AuthorshipSignal.ALIAS),
                tuple("5", AuthorshipSignal.ALIAS), tuple("6", AuthorshipSignal.NO_MATCH),
                tuple("7", AuthorshipSignal.NO_MATCH), tuple("8", AuthorshipSignal.ALIAS));
    }

    @Test
    void thePostAuthorNameMatchesBeforeAliasesAndIgnoresAccents() {
        List<Comment> decided = detector.decide(List.of(guest("1", "ANA NUNEZ"), guest("2", "Ana")),
                PostAuthor.named("Ana Núñez"), List.of("Ana"));

        assertThat(decided).extracting(Comment::decidedBy)
                .containsExactly(AuthorshipSignal.POST_AUTHOR_NAME, AuthorshipSignal.ALIAS);
        assertThat(decided).allMatch(Comment::isOfficial);
    }

    @Test
    void aRegisteredUserWhoIsNotThePostAuthorIsNotTheOfficialEvenWithTheOfficialsName() {
        Comment byUser = comment(CommentSourceKind.HTML_WORDPRESS, "1", "Jane Doe",
                EnumSet.of(PlatformFlag.BY_REGISTERED_USER));
        Comment byPostAuthor = comment(CommentSourceKind.HTML_WORDPRESS, "2", "J. D.",
                EnumSet.of(PlatformFlag.BY_REGISTERED_USER, PlatformFlag.BY_POST_AUTHOR));

        List<Comment> decided = detector.decide(List.of(byUser, byPostAuthor), PostAuthor.named("Jane Doe"),
                List.of("Jane"));

        assertThat(decided.get(0).isOfficial()).isFalse();
        assertThat(decided.get(0).decidedBy()).isEqualTo(AuthorshipSignal.OTHER_ACCOUNT);
        assertThat(decided.get(0).decidedBy().explanation()).contains("byuser").contains("not the official");
        assertThat(decided.get(1).decidedBy()).isEqualTo(AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG);
    }

    @Test
    void aRestUserIdOnlyCountsAgainstWhenThePostAuthorsIdIsKnown() {
        Comment registered = Comment.undecided(CommentSourceKind.WORDPRESS_REST, "1", null, null, "Jane Doe", null,
                "7", EnumSet.of(PlatformFlag.BY_REGISTERED_USER));

        assertThat(detector.decide(List.of(registered), PostAuthor.named("Jane Doe"), List.of()).get(0).decidedBy())
                .isEqualTo(AuthorshipSignal.POST_AUTHOR_NAME);
        assertThat(detector.decide(List.of(registered), new PostAuthor("Jane Doe", null, "3"), List.of()).get(0)
                .decidedBy()).isEqualTo(AuthorshipSignal.OTHER_ACCOUNT);
        assertThat(detector.decide(List.of(registered), new PostAuthor(null, null, "7"), List.of()).get(0)
                .decidedBy()).isEqualTo(AuthorshipSignal.ACCOUNT_ID_MATCH);
    }

    @Test
    void bloggerProfilesMatchAcrossSchemesAndHosts() {
        Comment fromProfile = Comment.undecided(CommentSourceKind.BLOGGER_FEED, "1", null, null, "KB",
                "https://draft.blogger.com/profile/05550001112223334445/", null, Set.of());
        PostAuthor author = new PostAuthor("Klaus Brandt", "http://www.blogger.com/profile/05550001112223334445",
                null);

        assertThat(detector.decide(List.of(fromProfile), author, List.of()).get(0).decidedBy())
                .isEqualTo(AuthorshipSignal.PROFILE_MATCH);
        assertThat(ReplyDetector.profileKey("https://www.Example.org/about/")).isEqualTo("example.org/about");
    }

    @Test
    void blogAuthorAndNodeAuthorFlagsDecideFirst() {
        List<Comment> decided = detector.decide(List.of(
                comment(CommentSourceKind.HTML_BLOGGER, "1", "Someone", EnumSet.of(PlatformFlag.BLOG_AUTHOR)),
                comment(CommentSourceKind.HTML_DRUPAL, "2", "Someone", EnumSet.of(PlatformFlag.BY_NODE_AUTHOR,
                        PlatformFlag.BY_REGISTERED_USER))), PostAuthor.UNKNOWN, List.of());

        assertThat(decided).extracting(Comment::decidedBy).containsExactly(
                AuthorshipSignal.BLOGGER_BLOG_AUTHOR_FLAG, AuthorshipSignal.DRUPAL_NODE_AUTHOR_FLAG);
    }

    @Test
    void aSubstackBylineAccountIsTheOfficialsAndAnyOtherSubstackAccountIsNotEvenWithTheSameName() {
        Set<PlatformFlag> byline = EnumSet.of(PlatformFlag.BY_POST_BYLINE, PlatformFlag.BY_REGISTERED_USER);
        Set<PlatformFlag> account = EnumSet.of(PlatformFlag.BY_REGISTERED_USER);
        List<Comment> decided = detector.decide(List.of(
                comment(CommentSourceKind.SUBSTACK_API, "1", "Jane Doe", byline),
                comment(CommentSourceKind.SUBSTACK_API, "2", "Jane Doe", account),
                comment(CommentSourceKind.SUBSTACK_API, "3", "Press Office", account),
                comment(CommentSourceKind.SUBSTACK_API, "4", null, Set.of())),
                PostAuthor.named("Jane Doe"), List.of("Press Office"));

        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("1", AuthorshipSignal.POST_BYLINE_ACCOUNT),
                // A reader who named their account like the official, and a staff account set up as an alias:
                // Substack says whose account wrote each comment, so neither is the official's.
                tuple("2", AuthorshipSignal.OTHER_ACCOUNT), tuple("3", AuthorshipSignal.OTHER_ACCOUNT),
                tuple("4", AuthorshipSignal.NO_MATCH));
    }

    @Test
    void theRepositoryOwnerIsTheOfficialsWhileOtherGitHubAccountsStillMatchByAlias() {
        List<Comment> decided = detector.decide(List.of(
                comment(CommentSourceKind.GISCUS_API, "DC_1", "janedoe", EnumSet.of(PlatformFlag.BY_REPOSITORY_OWNER)),
                comment(CommentSourceKind.GITHUB_ISSUES_API, "7", "jdoe-office", Set.of()),
                comment(CommentSourceKind.GITHUB_ISSUES_API, "8", "staffer", Set.of())),
                PostAuthor.named("Jane Doe"), List.of("jdoe-office"));

        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("DC_1", AuthorshipSignal.REPOSITORY_OWNER), tuple("7", AuthorshipSignal.ALIAS),
                tuple("8", AuthorshipSignal.NO_MATCH));
    }

    @Test
    void withNothingKnownNoCommentIsTheOfficials() {
        List<Comment> decided = detector.decide(List.of(guest("1", "Ann"), guest("2", null)), PostAuthor.UNKNOWN,
                List.of());

        assertThat(decided).allMatch(c -> !c.isOfficial() && c.decidedBy() == AuthorshipSignal.NO_MATCH);
    }

    @Test
    void theAuthorNameStaysOutOfToString() {
        assertThat(guest("1", "Private Person").toString()).doesNotContain("Private Person").contains("id=1");
    }
}
