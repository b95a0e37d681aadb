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

        var done = await ApproveConfirmedAsync(editor, ids.Take(2));
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

    [SkippableFact]
    public async Task Acting_on_many_asks_first_naming_whose_comments_on_which_story_and_a_post_without_the_yes_changes_nothing()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 42);
        using var reader = Visitor.Create(Server);
        var ids = new List<int>
        {
            await reader.PostAcceptedAsync(new CommentPost(articleId, "First of a pair to judge.", "Ines Larsen", "ines@example.org")),
            await reader.PostAcceptedAsync(new CommentPost(articleId, "Second of a pair to judge.", "Tomas Berg", "tomas@example.org")),
        };
        using var editor = await NewsroomSession.SignInAsync(Server, "editor.bulk@example.org", Roles.Editor);

        var form = new List<KeyValuePair<string, string>> { new("action", "spam") };
        form.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", Invariant(id))));
        var asked = await PostQueueAsync(editor, "/newsroom/comments?status=pending", form);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = Html.Parse(await asked.Content.ReadAsStringAsync());
        var question = page.QuerySelector("#confirm-question")!.TextContent;
        Assert.Equal("Mark 2 comments by Ines Larsen and Tomas Berg as spam?", question);
        Assert.Contains("leave the site", page.QuerySelector("#confirm-consequence")!.TextContent);
        Assert.Equal([ModerationStatus.Pending, ModerationStatus.Pending], await StatusesAsync(ids));

        // A forged yes for comments nobody was asked about is refused outright.
        var forged = await PostQueueAsync(editor, "/newsroom/comments?status=pending",
            [new("action", "spam"), new("confirm", "bulk"), new("confirmed-ids", "1,x")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // The confirmation's own form carries the yes.
        var confirm = page.QuerySelector("section.confirm form")!;
        var fields = confirm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        var confirmed = await editor.Client.PostAsync(confirm.GetAttribute("action")!, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal([ModerationStatus.Spam, ModerationStatus.Spam], await StatusesAsync(ids));
    }

    [SkippableFact]
    public async Task Every_step_can_be_undone_straight_after_with_status_and_spam_lesson_put_back()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 43);
        using var reader = Visitor.Create(Server);
        var approved = await reader.PostAcceptedAsync(new CommentPost(articleId, "A comment the editor approved.", "Maren Holt", "maren@example.org"));
        var pending = await reader.PostAcceptedAsync(new CommentPost(articleId, "A comment still waiting.", "Jonas Dahl", "jonas@example.org"));
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, approved);
        using var client = Server.CreateClient();
        Assert.Contains("A comment the editor approved.", await client.GetStringAsync(url));
        using var editor = await NewsroomSession.SignInAsync(Server, "editor.undo@example.org", Roles.Editor);

        // One click marks the approved comment spam: it leaves the page, and the Undo button is offered.
        var spam = await PostQueueAsync(editor, "/newsroom/comments?status=approved", [new("one", $"spam:{approved}")]);
        Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        Assert.DoesNotContain("A comment the editor approved.", await client.GetStringAsync(url));
        Assert.Equal(TrainedAs.Spam, (await CommentData.CommentAsync(Server, approved)).TrainedAs);
        var (_, after) = await editor.Client.GetPageAsync(spam.Headers.Location!.OriginalString);
        Assert.Contains("1 comment: spam.", after.QuerySelector(".queue-done")!.TextContent);
        var undo = after.QuerySelector(".queue-done form")!;
        var undone = await editor.Client.PostAsync(undo.GetAttribute("action")!, new FormUrlEncodedContent(
            undo.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))));
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var back = await CommentData.CommentAsync(Server, approved);
        Assert.Equal(ModerationStatus.Approved, back.Status);
        Assert.Equal(TrainedAs.Ham, back.TrainedAs);
        Assert.Contains("A comment the editor approved.", await client.GetStringAsync(url));

        // Undoing an approval of many puts each back where it was: one approved, one pending.
        var approvedBoth = await ApproveConfirmedAsync(editor, [approved, pending], status: "approved");
        var (_, approvedPage) = await editor.Client.GetPageAsync(approvedBoth.Headers.Location!.OriginalString);
        var undoMany = approvedPage.QuerySelector(".queue-done form")!;
        await editor.Client.PostAsync(undoMany.GetAttribute("action")!, new FormUrlEncodedContent(
            undoMany.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))));
        Assert.Equal(ModerationStatus.Approved, (await CommentData.CommentAsync(Server, approved)).Status);
        Assert.Equal(ModerationStatus.Pending, (await CommentData.CommentAsync(Server, pending)).Status);
        Assert.Equal(TrainedAs.Nothing, (await CommentData.CommentAsync(Server, pending)).TrainedAs);

        // A damaged undo list is refused, not half applied.
        var bad = await PostQueueAsync(editor, "/newsroom/comments?status=pending&handler=undo", [new("undo", $"{pending}.1.1,{approved}.9.0")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(ModerationStatus.Pending, (await CommentData.CommentAsync(Server, pending)).Status);
    }

    private async Task<List<ModerationStatus>> StatusesAsync(IEnumerable<int> ids)
    {
        var statuses = new List<ModerationStatus>();
        foreach (var id in ids)
        {
            statuses.Add((await CommentData.CommentAsync(Server, id)).Status);
        }
        return statuses;
    }

    private static string Invariant(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Approves many at once as an editor does: the bulk button, then the confirmation's yes.</summary>
    private static async Task<HttpResponseMessage> ApproveConfirmedAsync(NewsroomSession editor, IEnumerable<int> ids, string status = "pending")
    {
        var form = new List<KeyValuePair<string, string>> { new("action", "approve") };
        form.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", Invariant(id))));
        var asked = await PostQueueAsync(editor, $"/newsroom/comments?status={status}", form);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector("section.confirm form")!;
        var fields = confirm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        return await editor.Client.PostAsync(confirm.GetAttribute("action")!, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostQueueAsync(NewsroomSession editor, string path, List<KeyValuePair<string, string>> fields)
    {
        // Any of the page's forms gives the session's anti-forgery token; the queue's own shows only when it lists comments.
        var (_, page) = await editor.Client.GetPageAsync(path.Replace("&handler=undo", "", StringComparison.Ordinal));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        return await editor.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}

public sealed class SqliteModerationQueueTests(SqliteCommentSiteFixture fixture) : ModerationQueueTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresModerationQueueTests(PostgresCommentSiteFixture fixture) : ModerationQueueTests(fixture), IClassFixture<PostgresCommentSiteFixture>;