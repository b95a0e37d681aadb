using System.Net;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>WordPress's default moderation rules, each with the reason a moderator will read.</summary>
public abstract class ModerationRuleTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_first_comment_is_held_and_only_its_author_sees_it_awaiting_moderation()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 10);
        using var author = Visitor.Create(Server);
        var response = await author.PostAsync(new CommentPost(articleId, "My very first comment here.", "First Timer", "first@example.org"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var awaiting = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/comments/\d+/awaiting$", awaiting);
        var id = int.Parse(awaiting.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await CommentData.CommentAsync(Server, id);
        Assert.Equal(ModerationStatus.Pending, stored.Status);
        Assert.Equal("first comment", stored.StatusReason);

        var (ownView, ownPage) = await author.Client.GetPageAsync(awaiting);
        Assert.Equal(HttpStatusCode.OK, ownView.StatusCode);
        Assert.Equal("Your comment is awaiting moderation.", ownPage.QuerySelector(".comment-awaiting-moderation")!.TextContent);
        Assert.Contains("My very first comment here.", ownPage.QuerySelector(".comment-content")!.TextContent);
        Assert.Contains("no-store", ownView.Headers.CacheControl!.ToString());

        using var stranger = Visitor.Create(Server);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(awaiting)).StatusCode);
        var (_, article) = await stranger.Client.GetPageAsync(url);
        Assert.DoesNotContain("My very first comment here.", article.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task A_commenter_with_an_approved_comment_is_published_at_once_and_the_counts_follow()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 11);
        using var reader = Visitor.Create(Server);
        using var client = Server.CreateClient();
        var (_, before) = await client.GetPageAsync(url);
        Assert.Equal("No comments", before.QuerySelector(".comment-count a")!.TextContent);

        await CommentData.TrustedEmailAsync(reader, articleId, "trusted@example.org");
        var id = await reader.PostAcceptedAsync(new CommentPost(articleId, "A second thought, published straight away.", "Trusted Reader", "trusted@example.org"));
        var stored = await CommentData.CommentAsync(Server, id);

        Assert.Equal(ModerationStatus.Approved, stored.Status);
        Assert.Equal("earlier comment approved", stored.StatusReason);
        var (_, after) = await client.GetPageAsync(url);
        Assert.NotNull(after.QuerySelector($"#comment-{id}"));
        Assert.Equal("2 comments", after.QuerySelector(".comment-count a")!.TextContent);
        Assert.Equal("2 Comments", after.QuerySelector("#comments-title")!.TextContent);
        // The article's section lists it on its first page: its card counts the new comment too.
        var (_, section) = await client.GetPageAsync($"/category/{await CommentData.SectionOfAsync(Server, articleId)}");
        var card = section.QuerySelectorAll(".card").FirstOrDefault(c => c.QuerySelector($".card-headline a[href='{url}']") is not null);
        Assert.NotNull(card);
        Assert.Equal("2 comments", card.QuerySelector(".card-comments")!.TextContent);
    }

    [SkippableTheory]
    [InlineData("See https://a.example.org and https://b.example.org and https://c.example.org for more.", "Pending", "3 links")]
    [InlineData("Two links are fine: https://a.example.org and www.b.example.org today.", "Approved", "earlier comment approved")]
    [InlineData("I think there will be a lawsuit over the barrier.", "Pending", "moderation list: lawsuit")]
    [InlineData("Buy CHEAP PILLS online now.", "Spam", "block list: cheap pills")]
    public async Task Links_and_word_lists_decide_the_status_and_say_why(string body, string status, string reason)
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 12);
        using var reader = Visitor.Create(Server);
        var email = $"{Guid.NewGuid():N}@example.org";
        await CommentData.TrustedEmailAsync(reader, articleId, email);
        var id = await reader.PostAcceptedAsync(new CommentPost(articleId, body, "Trusted Reader", email));
        var stored = await CommentData.CommentAsync(Server, id);

        Assert.Equal(Enum.Parse<ModerationStatus>(status), stored.Status);
        Assert.Equal(reason, stored.StatusReason);
    }

    [SkippableFact]
    public async Task Comments_close_on_their_own_once_the_article_is_older_than_the_setting()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 13);
        await CommentData.UpdateArticleAsync(Server, articleId, a => a.PublishedAt = DateTime.UtcNow.AddDays(-3651));
        var (_, url) = await CommentData.ArticleNumberAsync(Server, 13);
        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector(".comments-closed"));
        Assert.Null(page.QuerySelector("#commentform"));
    }

    [SkippableFact]
    public async Task Moderator_decisions_record_who_and_why()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 14);
        using var reader = Visitor.Create(Server);
        var id = await reader.PostAcceptedAsync(new CommentPost(articleId, "Held until someone looks.", "Patient", "patient@example.org"));

        await CommentData.ModerateAsync(Server, ModerationAction.Spam, id);
        Assert.Equal("marked spam by test editor", (await CommentData.CommentAsync(Server, id)).StatusReason);
        await CommentData.ModerateAsync(Server, ModerationAction.Restore, id);
        Assert.Equal(ModerationStatus.Pending, (await CommentData.CommentAsync(Server, id)).Status);
        await CommentData.ModerateAsync(Server, ModerationAction.Trash, id);
        var trashed = await CommentData.CommentAsync(Server, id);
        Assert.Equal(ModerationStatus.Trash, trashed.Status);
        Assert.Equal("trashed by test editor", trashed.StatusReason);
    }
}

public sealed class SqliteModerationRuleTests(SqliteCommentSiteFixture fixture) : ModerationRuleTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresModerationRuleTests(PostgresCommentSiteFixture fixture) : ModerationRuleTests(fixture), IClassFixture<PostgresCommentSiteFixture>;