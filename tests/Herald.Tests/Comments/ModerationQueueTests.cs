using System.Net;
using System.Xml.Linq;
using Herald.Accounts;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>The newsroom queue: editors only, one or many at once, edits and staff replies evict the cached page; the feeds.</summary>
public abstract class ModerationQueueTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Only_editors_reach_the_queue()
    {
        using var anonymous = NewsroomSession.Anonymous(Server);
        var signIn = await anonymous.Client.GetAsync("/newsroom/comments");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/newsroom/login", signIn.Headers.Location!.PathAndQuery);

        using var author = await NewsroomSession.SignInAsync(Server, "author.queue@example.org", Roles.Author);
        var refused = await author.Client.GetAsync("/newsroom/comments");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableFact]
    public async Task Editors_approve_many_at_once_and_the_cached_article_and_feeds_update()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 40);
        using var reader = Visitor.Create(Server);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await reader.PostAcceptedAsync(new CommentPost(articleId, $"Queue comment number {i}", $"Reader {i}", $"reader{i}@example.org")));
        }
        using var client = Server.CreateClient();
        var (_, cached) = await client.GetPageAsync(url);
        Assert.Equal("No comments yet", cached.QuerySelector("#comments-title")!.TextContent);
        Assert.DoesNotContain("Queue comment number", await client.GetStringAsync($"{url}/comments/feed"));

        using var editor = await NewsroomSession.SignInAsync(Server, "editor.queue@example.org", Roles.Editor);
        var (queueResponse, queue) = await editor.Client.GetPageAsync("/newsroom/comments?status=pending");
        Assert.Equal(HttpStatusCode.OK, queueResponse.StatusCode);
        Assert.All(ids, id => Assert.Equal("first comment", queue.QuerySelector($"#queue-{id} .reason")!.TextContent));
        Assert.Contains("reader0@example.org", queue.QuerySelector($"#queue-{ids[0]}")!.TextContent);

        var form = new List<KeyValuePair<string, string>> { new("action", "approve") };
        form.AddRange(ids.Take(2).Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var done = await PostQueueAsync(editor, "/newsroom/comments?status=pending", form);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await PostQueueAsync(editor, "/newsroom/comments?status=pending", [new("one", $"spam:{ids[2]}")]);

        var (_, fresh) = await client.GetPageAsync(url);
        Assert.Equal("2 Comments", fresh.QuerySelector("#comments-title")!.TextContent);
        Assert.NotNull(fresh.QuerySelector($"#comment-{ids[0]}"));
        Assert.Null(fresh.QuerySelector($"#comment-{ids[2]}"));
        Assert.Equal(ModerationStatus.Spam, (await CommentData.CommentAsync(Server, ids[2])).Status);
        var feed = XDocument.Parse(await client.GetStringAsync($"{url}/comments/feed"));
        Assert.Equal(2, feed.Descendants("item").Count());
        Assert.Equal("2.0", feed.Root!.Attribute("version")!.Value);
        Assert.Contains(feed.Descendants("item"), item => item.Element("link")!.Value.EndsWith($"#comment-{ids[0]}", StringComparison.Ordinal));
        var site = XDocument.Parse(await client.GetStringAsync("/comments/feed"));
        Assert.Contains(site.Descendants("item"), item => item.Element("link")!.Value.EndsWith($"#comment-{ids[1]}", StringComparison.Ordinal));

        // Trash, then restore: back in the pending queue, gone from the page.
        await PostQueueAsync(editor, "/newsroom/comments?status=approved", [new("one", $"trash:{ids[1]}")]);
        await PostQueueAsync(editor, "/newsroom/comments?status=trash", [new("one", $"restore:{ids[1]}")]);
        Assert.Equal(ModerationStatus.Pending, (await CommentData.CommentAsync(Server, ids[1])).Status);
        var (_, after) = await client.GetPageAsync(url);
        Assert.Equal("1 Comment", after.QuerySelector("#comments-title")!.TextContent);
    }

    [SkippableFact]
    public async Task Editing_and_replying_as_staff_show_on_the_cached_article_at_once()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 41);
        using var reader = Visitor.Create(Server);
        var id = await reader.PostAcceptedAsync(new CommentPost(articleId, "Typo-ridden coment.", "Reader", "typo@example.org"));
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, id);
        using var client = Server.CreateClient();
        Assert.Contains("Typo-ridden coment.", await client.GetStringAsync(url));

        using var editor = await NewsroomSession.SignInAsync(Server, "editor.edit@example.org", Roles.Editor);
        var edited = await editor.PostFormAsync($"/newsroom/comments/{id}?handler=Edit", new()
        {
            ["Edit.Name"] = "Reader",
            ["Edit.Website"] = "",
            ["Edit.Body"] = "Typo-free comment.",
        }, $"/newsroom/comments/{id}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var replied = await editor.PostFormAsync($"/newsroom/comments/{id}?handler=Reply", new() { ["ReplyBody"] = "Thanks, fixed in the story." }, $"/newsroom/comments/{id}");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);

        var (_, page) = await client.GetPageAsync(url);
        Assert.Contains("Typo-free comment.", page.QuerySelector($"#comment-{id} .comment-content")!.TextContent);
        var staffReply = page.QuerySelector($"#comment-{id} ol.children li.comment-staff")!;
        Assert.Contains("Thanks, fixed in the story.", staffReply.TextContent);
        Assert.Equal("Staff", staffReply.QuerySelector(".comment-badge")!.TextContent);
    }

    private static async Task<HttpResponseMessage> PostQueueAsync(NewsroomSession editor, string path, List<KeyValuePair<string, string>> fields)
    {
        var (_, page) = await editor.Client.GetPageAsync(path);
        var token = page.QuerySelector("form.queue input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        return await editor.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}

public sealed class SqliteModerationQueueTests(SqliteCommentSiteFixture fixture) : ModerationQueueTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresModerationQueueTests(PostgresCommentSiteFixture fixture) : ModerationQueueTests(fixture), IClassFixture<PostgresCommentSiteFixture>;