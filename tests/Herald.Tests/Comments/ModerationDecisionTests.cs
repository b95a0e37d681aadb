using Herald.Comments;

namespace Herald.Tests.Comments;

/// <summary>
/// The first status of a new comment, decided from its facts alone: which rule wins when
/// several apply, and the reason a moderator reads. The HTTP side is in ModerationRuleTests.
/// </summary>
public sealed class ModerationDecisionTests
{
    private static readonly SpamVerdict Untrained = new(0.99, ExamplesOfRarerKind: 0);
    private static readonly SpamVerdict Ham = new(0.05, ExamplesOfRarerKind: 50);

    private static CommentOptions Options() => new()
    {
        ModerationWords = ["lawsuit"],
        BlockWords = ["cheap pills", "  "],
    };

    private static CommentFacts Returning(string body, SpamVerdict? verdict = null, string name = "Ines Reader", string? website = null) =>
        new(body, name, website, HoneypotFilled: false, HasEarlierApprovedComment: true, ByStaff: false, verdict ?? Ham);

    private static ModerationDecision Decide(CommentFacts facts, CommentOptions? options = null) =>
        ModerationRules.Decide(facts, options ?? Options());

    [Fact]
    public void A_returning_commenter_with_a_plain_comment_is_published_at_once() =>
        Assert.Equal(new ModerationDecision(ModerationStatus.Approved, "earlier comment approved"), Decide(Returning("Thanks for the clear report.")));

    [Fact]
    public void A_first_comment_is_held_for_a_person()
    {
        var facts = Returning("Thanks for the clear report.") with { HasEarlierApprovedComment = false };

        Assert.Equal(new ModerationDecision(ModerationStatus.Pending, "first comment"), Decide(facts));
    }

    [Fact]
    public void A_site_that_trusts_first_comments_publishes_them()
    {
        var facts = Returning("Thanks for the clear report.") with { HasEarlierApprovedComment = false };
        var options = Options();
        options.HoldFirstComment = false;

        Assert.Equal(ModerationStatus.Approved, Decide(facts, options).Status);
    }

    [Fact]
    public void A_filled_honeypot_is_spam_even_from_staff_and_even_with_a_clean_text()
    {
        var facts = Returning("Thanks for the clear report.") with { HoneypotFilled = true, ByStaff = true };

        Assert.Equal(new ModerationDecision(ModerationStatus.Spam, "honeypot"), Decide(facts));
    }

    [Fact]
    public void Staff_comments_skip_the_word_lists_and_the_classifier()
    {
        var text = "Our lawsuit coverage, with cheap pills https://a.example https://b.example https://c.example";
        var facts = Returning(text, new SpamVerdict(0.99, 50)) with { ByStaff = true, HasEarlierApprovedComment = false };

        Assert.Equal(new ModerationDecision(ModerationStatus.Approved, "staff"), Decide(facts));
    }

    [Theory]
    [InlineData("Buy CHEAP PILLS online now.", "block list: cheap pills")]
    [InlineData("cheap pills", "block list: cheap pills")]
    [InlineData("(cheap pills)", "block list: cheap pills")]
    public void A_blocked_phrase_anywhere_sends_the_comment_to_spam(string body, string reason) =>
        Assert.Equal(new ModerationDecision(ModerationStatus.Spam, reason), Decide(Returning(body)));

    [Fact]
    public void The_name_and_website_are_searched_as_well_as_the_body()
    {
        Assert.Equal(ModerationStatus.Spam, Decide(Returning("Nice piece.", name: "Cheap Pills Shop")).Status);
        Assert.Equal("moderation list: lawsuit", Decide(Returning("Nice piece.", website: "https://lawsuit.example.org")).Reason);
    }

    [Theory]
    [InlineData("Lawsuits are expensive.")]
    [InlineData("A counterlawsuit was filed.")]
    [InlineData("cheap pillsbury dough")]
    public void Listed_words_match_whole_words_only(string body) =>
        Assert.Equal(ModerationStatus.Approved, Decide(Returning(body)).Status);

    [Fact]
    public void A_word_inside_a_longer_one_does_not_hide_the_same_word_standing_alone_later()
    {
        Assert.Equal("lawsuit", ModerationRules.FirstListed(["lawsuit"], "counterlawsuit and then a lawsuit"));
        Assert.Null(ModerationRules.FirstListed(["lawsuit", " ", ""], "counterlawsuits"));
    }

    [Fact]
    public void The_block_list_wins_over_the_moderation_list() =>
        Assert.Equal(ModerationStatus.Spam, Decide(Returning("A lawsuit about cheap pills.")).Status);

    [Theory]
    [InlineData("See https://a.example.org and https://b.example.org and https://c.example.org.", ModerationStatus.Pending, "3 links")]
    [InlineData("See https://a.example.org and www.b.example.org.", ModerationStatus.Approved, "earlier comment approved")]
    [InlineData("<a href=x>1</a> <a href=y>2</a> <a href=z>3</a>", ModerationStatus.Pending, "3 links")]
    public void More_links_than_the_setting_hold_the_comment(string body, ModerationStatus status, string reason) =>
        Assert.Equal(new ModerationDecision(status, reason), Decide(Returning(body)));

    [Theory]
    [InlineData(0.95, ModerationStatus.Spam, "classifier 0.95")]
    [InlineData(0.999, ModerationStatus.Spam, "classifier 1.00")]
    [InlineData(0.94, ModerationStatus.Pending, "classifier 0.94")]
    [InlineData(0.70, ModerationStatus.Pending, "classifier 0.70")]
    [InlineData(0.69, ModerationStatus.Approved, "earlier comment approved")]
    public void A_trained_classifier_sends_to_spam_or_holds_by_its_thresholds(double probability, ModerationStatus status, string reason) =>
        Assert.Equal(new ModerationDecision(status, reason), Decide(Returning("Thanks for the report.", new SpamVerdict(probability, 10))));

    [Fact]
    public void An_untrained_classifier_is_not_trusted()
    {
        Assert.Equal(ModerationStatus.Approved, Decide(Returning("Thanks for the report.", Untrained)).Status);
        Assert.Equal(ModerationStatus.Approved, Decide(Returning("Thanks for the report.", new SpamVerdict(0.99, 9))).Status);
    }

    [Fact]
    public void A_classifier_sure_of_spam_wins_over_the_moderation_list_but_a_hold_by_word_comes_before_a_hold_by_score()
    {
        Assert.Equal(ModerationStatus.Spam, Decide(Returning("A lawsuit.", new SpamVerdict(0.97, 20))).Status);
        Assert.Equal("moderation list: lawsuit", Decide(Returning("A lawsuit.", new SpamVerdict(0.8, 20))).Reason);
    }
}