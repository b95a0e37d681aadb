using Herald.Accounts;
using Herald.Comments;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>The conversation in real Chromium: post, reply through the Reply link, moderation, hostile comments.</summary>
[Trait("Tier", "Slow")]
public sealed class CommentBrowserTests(SqliteCommentSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteCommentSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_reader_comments_another_replies_through_the_reply_link_and_an_editor_approves_both()
    {
        var server = site.RequireServer();
        var (_, url) = await CommentData.ArticleNumberAsync(server, 1);
        var problems = new List<string>();

        var first = await OpenReaderAsync(url, problems);
        await FillAsync(first, "The quay was packed on Saturday morning.", "Ada Browser", "ada.browser@example.org", remember: true);
        await first.ClickAsync("#submit");
        await first.WaitForURLAsync("**/comments/*/awaiting");
        Assert.Equal("Your comment is awaiting moderation.", await first.TextContentAsync(".comment-awaiting-moderation"));
        var firstId = int.Parse(new Uri(first.Url).Segments[2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        await first.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "comment-awaiting.png") });

        var editor = await OpenEditorAsync(server, problems);
        await ApproveInQueueAsync(editor, firstId);

        var second = await OpenReaderAsync(url, problems);
        await second.ClickAsync($"#comment-{firstId} .comment-reply-link");
        Assert.True(await second.EvaluateAsync<bool>($"document.querySelector('#comment-{firstId}').contains(document.getElementById('respond'))"));
        Assert.Equal("Reply to Ada Browser", await second.TextContentAsync("#reply-title-text"));
        Assert.Equal("comment", await second.EvaluateAsync<string>("document.activeElement.id"));
        await second.ClickAsync("#cancel-reply");
        Assert.False(await second.EvaluateAsync<bool>($"document.querySelector('#comment-{firstId}').contains(document.getElementById('respond'))"));
        await second.ClickAsync($"#comment-{firstId} .comment-reply-link");
        await FillAsync(second, "I was there too, by the ferry steps.", "Bo Browser", "bo.browser@example.org", remember: false);
        await second.ClickAsync("#submit");
        await second.WaitForURLAsync("**/comments/*/awaiting");
        var replyId = int.Parse(new Uri(second.Url).Segments[2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);

        // Back on the cached article, script shows Bo his own held reply, under the comment it answers.
        await second.GotoAsync(url);
        await second.WaitForSelectorAsync("#comments[data-state=ready]");
        var held = second.Locator($"#comment-{firstId} ol.children #comment-{replyId} .comment-awaiting-moderation");
        Assert.Equal("Your comment is awaiting moderation.", await held.TextContentAsync());
        var stranger = await OpenReaderAsync(url, problems);
        Assert.Equal(0, await stranger.Locator($"#comment-{replyId}").CountAsync());

        await ApproveInQueueAsync(editor, replyId);
        await second.ReloadAsync();
        await second.WaitForSelectorAsync("#comments[data-state=ready]");
        Assert.Contains("by the ferry steps", await second.TextContentAsync($"#comment-{firstId} ol.children #comment-{replyId} .comment-content"));
        Assert.Equal(0, await second.Locator(".comment-awaiting-moderation").CountAsync());

        // Ada asked to be remembered: her next visit fills the fields from her own cookie.
        await first.GotoAsync(url);
        await first.WaitForSelectorAsync("#comments[data-state=ready]");
        Assert.Equal("Ada Browser", await first.InputValueAsync("#author"));
        Assert.Equal("ada.browser@example.org", await first.InputValueAsync("#email"));
        Assert.Equal("", await second.InputValueAsync("#author"));
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Hostile_comments_never_execute_in_the_browser()
    {
        var server = site.RequireServer();
        var (articleId, url) = await CommentData.ArticleNumberAsync(server, 2);
        var ids = new List<int>();
        foreach (var (payload, i) in HostileCommentTests.Payloads.Select((p, i) => (p, i)))
        {
            using var visitor = Visitor.Create(server);
            var response = await visitor.PostAsync(new CommentPost(articleId, payload, payload.Length <= 100 ? payload : "Hostile", $"xss{i}@example.org")
            {
                Website = payload.StartsWith("http", StringComparison.Ordinal) ? payload : null,
            });
            if (response.StatusCode == System.Net.HttpStatusCode.SeeOther)
            {
                ids.Add(int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        Assert.True(ids.Count >= HostileCommentTests.Payloads.Length - 6, $"only {ids.Count} payloads were stored to render");
        await CommentData.ModerateAsync(server, ModerationAction.Approve, [.. ids]);

        var problems = new List<string>();
        var page = await OpenReaderAsync(url, problems);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#comments[data-state=ready]");
        foreach (var link in await page.Locator(".comment-content a, .comment-author a").AllAsync())
        {
            await link.HoverAsync();
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "comments-hostile.png"), FullPage = true });

        Assert.Equal(ids.Count, await page.Locator(".comment-list > li.comment").CountAsync());
        Assert.Empty(dialogs);
        Assert.Empty(problems);
        Assert.False(await page.EvaluateAsync<bool>("typeof window.xss !== 'undefined'"));
    }

    private async Task<IPage> OpenReaderAsync(string url, List<string> problems)
    {
        var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = site.RequireServer().Address.ToString() });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += (_, dialog) => { problems.Add($"dialog: {dialog.Message}"); _ = dialog.DismissAsync(); };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#comments[data-state=ready]");
        return page;
    }

    private static async Task FillAsync(IPage page, string body, string name, string email, bool remember)
    {
        await page.FillAsync("#comment", body);
        await page.FillAsync("#author", name);
        await page.FillAsync("#email", email);
        if (remember)
        {
            await page.CheckAsync("#remember");
        }
        // A person takes longer than the three-second minimum to write anything.
        await page.WaitForTimeoutAsync(3200);
    }

    private async Task<IPage> OpenEditorAsync(HeraldTestServer server, List<string> problems)
    {
        await NewsroomSession.CreateUserAsync(server, "browser.editor@example.org", Roles.Editor, "correct horse battery");
        var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Add($"newsroom page error: {error}");
        await page.GotoAsync("/newsroom/login");
        await page.FillAsync("input[name='Form.Email']", "browser.editor@example.org");
        await page.FillAsync("input[name='Form.Password']", "correct horse battery");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/newsroom");
        return page;
    }

    private static async Task ApproveInQueueAsync(IPage editor, int commentId)
    {
        await editor.GotoAsync("/newsroom/comments?status=pending");
        Assert.Equal("first comment", await editor.TextContentAsync($"#queue-{commentId} .reason"));
        // By keyboard: focus the row's Approve button and press Enter.
        await editor.FocusAsync($"#queue-{commentId} button[value='approve:{commentId}']");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForSelectorAsync(".queue-done");
        Assert.Contains("approve", await editor.TextContentAsync(".queue-done"));
    }
}