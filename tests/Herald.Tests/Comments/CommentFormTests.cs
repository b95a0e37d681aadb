using System.Net;
using AngleSharp.Dom;
using Herald.Articles;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>The "Leave a Reply" form and every way a post can be refused with the typed text kept.</summary>
public abstract class CommentFormTests(SiteFixture fixture)
{
    private const string Typed = "I was at the harbour meeting — the figures quoted there differed.\n\nSecond paragraph <b>kept</b> & all.";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Every_article_ends_with_the_leave_a_reply_form()
    {
        var (_, url) = await CommentData.ArticleNumberAsync(Server, 0);
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var respond = page.QuerySelector("#respond")!;
        Assert.Contains("Leave a Reply", respond.QuerySelector("h3")!.TextContent);
        Assert.Contains("Your email address will not be published. Required fields are marked *", respond.QuerySelector(".comment-notes")!.TextContent);
        foreach (var (id, label) in new[] { ("comment", "Comment"), ("author", "Name"), ("email", "Email") })
        {
            var input = respond.QuerySelector($"#{id}")!;
            Assert.True(input.HasAttribute("required"), $"{id} is required");
            Assert.Equal("true", input.GetAttribute("aria-required"));
            Assert.Equal($"{label} *", respond.QuerySelector($"label[for={id}]")!.TextContent.Trim());
        }
        Assert.False(respond.QuerySelector("#url")!.HasAttribute("required"));
        Assert.Equal("Website", respond.QuerySelector("label[for=url]")!.TextContent.Trim());
        Assert.Equal("Save my name, email, and website in this browser for the next time I comment.", respond.QuerySelector("label[for=remember]")!.TextContent);
        Assert.Equal("Post Comment", respond.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal("/comments", respond.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("5000", respond.QuerySelector("#comment")!.GetAttribute("maxlength"));
        // The cached page carries no token and no anti-forgery cookie, only the signed time it was made.
        Assert.Equal("", respond.QuerySelector("#comment-token")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Matches(@"^\d+\.[0-9a-f]{32}$", respond.QuerySelector("#comment-started")!.GetAttribute("value")!);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    public static TheoryData<string, string?, string?, string?, string?, string> InvalidPosts => new()
    {
        { "Body", "", "Ada", "ada@example.org", null, "Write a comment" },
        { "Body", "   \n  ", "Ada", "ada@example.org", null, "Write a comment" },
        { "Body", new string('x', 5001), "Ada", "ada@example.org", null, "at most 5,000 characters" },
        { "Body", "Bell\u0007and escape\u001b", "Ada", "ada@example.org", null, "control characters" },
        { "Name", Typed, "", "ada@example.org", null, "Enter your name" },
        { "Name", Typed, new string('n', 101), "ada@example.org", null, "at most 100 characters" },
        { "Email", Typed, "Ada", "", null, "Enter your e-mail" },
        { "Email", Typed, "Ada", "not-an-address", null, "like name@example.org" },
        { "Email", Typed, "Ada", "ada@localhost", null, "like name@example.org" },
        { "Email", Typed, "Ada", "Ada <ada@example.org>", null, "like name@example.org" },
        { "Email", Typed, "Ada", new string('a', 250) + "@example.org", null, "at most 254 characters" },
        { "Website", Typed, "Ada", "ada@example.org", "javascript:alert(1)", "http:// or https://" },
        { "Website", Typed, "Ada", "ada@example.org", "ftp://files.example.org/", "http:// or https://" },
        { "Website", Typed, "Ada", "ada@example.org", "https://" + new string('w', 500) + ".org", "at most 500 characters" },
    };

    [SkippableTheory]
    [MemberData(nameof(InvalidPosts))]
    public async Task An_invalid_field_gets_the_form_back_with_a_message_and_everything_typed(
        string field, string? body, string? name, string? email, string? website, string message)
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 1);
        using var visitor = Visitor.Create(Server);
        var response = await visitor.PostAsync(new CommentPost(articleId, body, name, email) { Website = website, Remember = true });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var inputId = field switch { "Body" => "comment", "Name" => "author", "Email" => "email", _ => "url" };
        Assert.Contains(message, page.QuerySelector($"#{inputId}-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector($"#{inputId}")!.GetAttribute("aria-invalid"));
        AssertKept(page, body, name, email, website);
        Assert.True(page.QuerySelector("#remember")!.HasAttribute("checked"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [SkippableFact]
    public async Task A_reply_to_a_missing_held_or_foreign_parent_is_refused_with_the_text_kept()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 2);
        var (otherId, _) = await CommentData.ArticleNumberAsync(Server, 3);
        using var visitor = Visitor.Create(Server);
        var held = await visitor.PostAcceptedAsync(new CommentPost(articleId, "Held first comment.", "Held", "held@example.org"));
        var foreign = await visitor.PostAcceptedAsync(new CommentPost(otherId, "On another article.", "Other", "other@example.org"));
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, foreign);

        foreach (var parent in new[] { 999_999, held, foreign })
        {
            var response = await visitor.PostAsync(new CommentPost(articleId, Typed, "Replier", "replier@example.org") { ParentId = parent });
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("not available", page.QuerySelector("#parent-error")!.TextContent);
            AssertKept(page, Typed, "Replier", "replier@example.org", null);
        }
    }

    [SkippableFact]
    public async Task Replies_nest_only_as_deep_as_configured()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 4);
        using var visitor = Visitor.Create(Server);
        int? parent = null;
        for (var depth = 0; depth < 5; depth++)
        {
            var id = await visitor.PostAcceptedAsync(new CommentPost(articleId, $"Level {depth}", "Nester", "nester@example.org") { ParentId = parent });
            await CommentData.ModerateAsync(Server, ModerationAction.Approve, id);
            Assert.Equal(depth, (await CommentData.CommentAsync(Server, id)).Depth);
            parent = id;
        }
        using var second = Visitor.Create(Server);
        var response = await second.PostAsync(new CommentPost(articleId, "Too deep", "Nester", "nester@example.org") { ParentId = parent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 5 deep", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Closed_draft_missing_and_expired_articles_refuse_comments_with_the_text_kept()
    {
        var (closedId, closedUrl) = await CommentData.ArticleNumberAsync(Server, 5);
        var (draftId, _) = await CommentData.ArticleNumberAsync(Server, 6);
        var (oldId, _) = await CommentData.ArticleNumberAsync(Server, 7);
        await CommentData.UpdateArticleAsync(Server, closedId, a => a.CommentStatus = CommentStatus.Closed);
        await CommentData.UpdateArticleAsync(Server, draftId, a => a.Status = ArticleStatus.Draft);
        // Published eleven years ago: past the fixture's ten-year automatic closing.
        await CommentData.UpdateArticleAsync(Server, oldId, a => a.PublishedAt = DateTime.UtcNow.AddYears(-11));
        using var visitor = Visitor.Create(Server);

        foreach (var (articleId, status, message) in new[]
        {
            (closedId, HttpStatusCode.Forbidden, "closed"), (oldId, HttpStatusCode.Forbidden, "closed"),
            (draftId, HttpStatusCode.NotFound, "does not exist"), (424_242, HttpStatusCode.NotFound, "does not exist"),
        })
        {
            var response = await visitor.PostAsync(new CommentPost(articleId, Typed, "Late", "late@example.org"));
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, page.QuerySelector("#form-problem")!.TextContent);
            AssertKept(page, Typed, "Late", "late@example.org", null);
        }
        using var client = Server.CreateClient();
        var (_, closedPage) = await client.GetPageAsync(closedUrl);
        Assert.Null(closedPage.QuerySelector("#commentform"));
        Assert.Equal("Comments are closed.", closedPage.QuerySelector(".comments-closed")!.TextContent);
    }

    private static void AssertKept(IDocument page, string? body, string? name, string? email, string? website)
    {
        // Only spaces is nothing typed (the binder reads it as empty), so an empty box is faithful.
        var expected = string.IsNullOrWhiteSpace(body) ? "" : body;
        Assert.Equal(expected, page.QuerySelector("#comment")!.TextContent);
        Assert.Equal(name ?? "", page.QuerySelector("#author")!.GetAttribute("value") ?? "");
        Assert.Equal(email ?? "", page.QuerySelector("#email")!.GetAttribute("value") ?? "");
        Assert.Equal(website ?? "", page.QuerySelector("#url")!.GetAttribute("value") ?? "");
    }
}

public sealed class SqliteCommentFormTests(SqliteCommentSiteFixture fixture) : CommentFormTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresCommentFormTests(PostgresCommentSiteFixture fixture) : CommentFormTests(fixture), IClassFixture<PostgresCommentSiteFixture>;