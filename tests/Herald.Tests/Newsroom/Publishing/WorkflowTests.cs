using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Publishing;

namespace Herald.Tests.Newsroom.Publishing;

/// <summary>The workflow's rules on one article in memory: which step is allowed from which status, and what it changes.</summary>
public sealed class WorkflowTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateTime Now = new(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);

    private static Article Story(ArticleStatus status = ArticleStatus.Draft, DateTime? publishedAt = null) => new()
    {
        Slug = "harbour-ferry",
        Headline = "Harbour ferry returns",
        BodySource = "The ferry sails again.",
        Status = status,
        PublishedAt = publishedAt,
    };

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Submitted)]
    public void Work_that_is_not_live_can_be_submitted_for_review(ArticleStatus status)
    {
        var article = Story(status);

        var problems = Workflow.Apply(article, EditorAction.Submit, null, Oslo, Now);

        Assert.Empty(problems);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
    }

    [Theory]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Scheduled)]
    public void Live_work_cannot_be_sent_back_for_review(ArticleStatus status)
    {
        var article = Story(status, Now.AddDays(-1));

        var problems = Workflow.Apply(article, EditorAction.Submit, null, Oslo, Now);

        Assert.Contains(problems, p => p.Contains("unpublish it first", StringComparison.Ordinal));
        Assert.Equal(status, article.Status);
    }

    [Fact]
    public void Publishing_a_draft_dates_it_now()
    {
        var article = Story();

        Assert.Empty(Workflow.Apply(article, EditorAction.Publish, null, Oslo, Now));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void A_story_put_back_after_unpublishing_keeps_its_first_date_and_so_its_address()
    {
        var first = Now.AddDays(-40);
        var article = Story(ArticleStatus.Unpublished, first);

        Assert.Empty(Workflow.Apply(article, EditorAction.Publish, null, Oslo, Now));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(first, article.PublishedAt);
    }

    [Fact]
    public void Publishing_a_scheduled_story_early_dates_it_now_not_at_its_planned_time()
    {
        var article = Story(ArticleStatus.Scheduled, Now.AddDays(2));

        Assert.Empty(Workflow.Apply(article, EditorAction.Publish, null, Oslo, Now));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void A_scheduled_story_the_scheduler_has_not_reached_yet_is_dated_now_when_published_by_hand()
    {
        var article = Story(ArticleStatus.Scheduled, Now.AddMinutes(-1));

        Assert.Empty(Workflow.Apply(article, EditorAction.Publish, null, Oslo, Now));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void A_date_in_the_future_left_on_a_draft_is_replaced_by_now_on_publishing()
    {
        var article = Story(ArticleStatus.Draft, Now.AddHours(3));

        Assert.Empty(Workflow.Apply(article, EditorAction.Publish, null, Oslo, Now));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Theory]
    [InlineData("", "The ferry sails again.", false, "headline")]
    [InlineData("Harbour ferry returns", "  ", false, "body is empty")]
    [InlineData("Harbour ferry returns", "The ferry sails again.", true, "alt text")]
    public void Nothing_incomplete_goes_out(string headline, string body, bool imageWithoutAlt, string problem)
    {
        var article = Story();
        article.Headline = headline;
        article.BodySource = body;
        if (imageWithoutAlt)
        {
            article.FeaturedImage = new FeaturedImage { Url = "/media/ferry.jpg", Alt = " " };
        }

        foreach (var action in new[] { EditorAction.Publish, EditorAction.Schedule })
        {
            var problems = Workflow.Apply(article, action, "2026-06-20T09:00", Oslo, Now);

            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
            Assert.Equal(ArticleStatus.Draft, article.Status);
            Assert.Null(article.PublishedAt);
        }
    }

    [Fact]
    public void A_story_with_several_gaps_hears_of_each_at_once()
    {
        var article = Story();
        article.Headline = "";
        article.BodySource = "";
        article.FeaturedImage = new FeaturedImage { Url = "/media/ferry.jpg", Alt = "" };

        Assert.Equal(3, Workflow.ReadyToPublish(article).Count());
    }

    [Fact]
    public void Scheduling_reads_the_time_as_the_sites_wall_clock()
    {
        var article = Story();

        Assert.Empty(Workflow.Apply(article, EditorAction.Schedule, "2026-06-20T09:00", Oslo, Now));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        // Oslo is two hours ahead of UTC in summer.
        Assert.Equal(new DateTime(2026, 6, 20, 7, 0, 0, DateTimeKind.Utc), article.PublishedAt);
    }

    [Theory]
    [InlineData("2026-06-20T09:00")]
    [InlineData("2026-06-20T09:00:00")]
    [InlineData("2026-06-20 09:00")]
    [InlineData(" 2026-06-20T09:00 ")]
    public void Schedule_times_are_read_in_the_forms_browsers_send(string value)
    {
        var problems = new List<string>();

        Assert.Equal(new DateTime(2026, 6, 20, 7, 0, 0, DateTimeKind.Utc), Workflow.ParseScheduleTime(value, Oslo, Now, problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null, "Choose the date and time")]
    [InlineData("  ", "Choose the date and time")]
    [InlineData("tomorrow at nine", "could not be read")]
    [InlineData("20/06/2026 09:00", "could not be read")]
    [InlineData("2026-06-15T12:00", "already passed")]
    [InlineData("2026-06-15T11:59", "already passed")]
    [InlineData("2027-03-28T02:30", "the clocks skip it")]
    public void A_schedule_time_that_cannot_be_used_says_why_and_changes_nothing(string? value, string problem)
    {
        var article = Story();

        var problems = Workflow.Apply(article, EditorAction.Schedule, value, Oslo, Now);

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void The_minute_after_now_can_be_scheduled()
    {
        // Now is 12:00 in Oslo; 12:01 is the first minute the picker can offer.
        var problems = new List<string>();

        Assert.Equal(Now.AddMinutes(1), Workflow.ParseScheduleTime("2026-06-15T12:01", Oslo, Now, problems));
    }

    [Fact]
    public void Unpublishing_takes_a_live_story_down_but_keeps_its_date()
    {
        var first = Now.AddDays(-3);
        var article = Story(ArticleStatus.Published, first);

        Assert.Empty(Workflow.Apply(article, EditorAction.Unpublish, null, Oslo, Now));
        Assert.Equal(ArticleStatus.Unpublished, article.Status);
        Assert.Equal(first, article.PublishedAt);
    }

    [Fact]
    public void Unscheduling_returns_the_story_to_draft_and_forgets_the_time()
    {
        var article = Story(ArticleStatus.Scheduled, Now.AddDays(1));

        Assert.Empty(Workflow.Apply(article, EditorAction.Unpublish, null, Oslo, Now));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Unpublished)]
    public void Only_live_work_can_be_unpublished(ArticleStatus status)
    {
        var article = Story(status);

        Assert.Contains(Workflow.Apply(article, EditorAction.Unpublish, null, Oslo, Now), p => p.Contains("nothing to unpublish", StringComparison.Ordinal));
        Assert.Equal(status, article.Status);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Scheduled)]
    public void Saving_leaves_status_and_date_alone(ArticleStatus status)
    {
        var at = Now.AddDays(1);
        var article = Story(status, at);

        Assert.Empty(Workflow.Apply(article, EditorAction.Save, "garbage", Oslo, Now));
        Assert.Equal(status, article.Status);
        Assert.Equal(at, article.PublishedAt);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Published, ArticleChangeKind.Published)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Published, ArticleChangeKind.Published)]
    [InlineData(ArticleStatus.Unpublished, ArticleStatus.Published, ArticleChangeKind.Published)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Unpublished, ArticleChangeKind.Unpublished)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Scheduled, ArticleChangeKind.Unpublished)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Published, ArticleChangeKind.Saved)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleChangeKind.Saved)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Submitted, ArticleChangeKind.Saved)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Draft, ArticleChangeKind.Saved)]
    public void A_change_is_a_publication_only_when_the_story_goes_live_or_comes_down(ArticleStatus before, ArticleStatus after, ArticleChangeKind kind) =>
        Assert.Equal(kind, Workflow.ChangeKind(before, after));

    [Fact]
    public void The_revision_note_of_a_schedule_names_the_time_in_the_sites_zone()
    {
        var article = Story(ArticleStatus.Scheduled, new DateTime(2026, 6, 20, 7, 0, 0, DateTimeKind.Utc));

        Assert.Equal("Scheduled for 20 June 2026, 09:00", Workflow.Describe(EditorAction.Schedule, article, Oslo));
    }
}