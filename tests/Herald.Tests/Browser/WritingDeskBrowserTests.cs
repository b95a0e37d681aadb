using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>A reporter at the writing desk in real Chromium: preview beside the text, live word count, keys for save and preview.</summary>
[Trait("Tier", "Slow")]
public sealed class WritingDeskBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string Password = "a password for the writing desk";

    [SkippableFact]
    public async Task A_reporter_writes_beside_the_preview_watches_the_count_and_saves_with_the_keyboard()
    {
        var page = await SignInAsync("desk-keys@example.org");
        await page.GotoAsync("/newsroom/articles/edit");
        var body = page.Locator("textarea[name='Form.Body']");
        var preview = page.Locator("#editor-preview");
        await page.Locator("input[name='Form.Headline']").FillAsync("Ferry timetable changes on Monday");
        await body.FillAsync("The **early ferry** leaves at six.\n\n" + string.Join(' ', Enumerable.Repeat("More words for the count", 50)));

        await page.Locator("[data-preview-body] strong").WaitForAsync();
        await page.Locator("[data-word-count]", new() { HasText = "256 words" }).WaitForAsync();
        Assert.Equal("2 min read", await page.Locator("[data-reading-time]").TextContentAsync());

        // Wide screen: the preview stands beside the text, top edges level.
        var text = (await body.BoundingBoxAsync())!;
        var shown = (await preview.BoundingBoxAsync())!;
        Assert.True(shown.X >= text.X + text.Width, $"preview at x={shown.X}, text ends at x={text.X + text.Width}");
        Assert.True(shown.Y < text.Y + text.Height, "the preview starts beside the text, not under it");
        Assert.True(await page.Locator("[data-shortcuts]").IsVisibleAsync(), "the keys are explained on the page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-wide.png"), FullPage = true });

        // Ctrl+Shift+P goes to the preview and back to the text.
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+Shift+P");
        Assert.Equal("editor-preview", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+Shift+P");
        Assert.Equal("Form.Body", await page.EvaluateAsync<string>("document.activeElement.name"));

        // Ctrl+S saves the draft: the page that answers says so, and no "never saved" banner follows.
        await page.Keyboard.PressAsync("Control+S");
        await page.Locator(".notice[data-saved-notice]", new() { HasText = "Saved" }).WaitForAsync();
        Assert.Matches("/newsroom/articles/edit/\\d+$", page.Url);
        Assert.Equal("256 words", await page.Locator("[data-word-count]").TextContentAsync());
        Assert.False(await page.Locator("[data-restore]").IsVisibleAsync());

        // Narrow screen: one column, the preview below the text.
        await page.SetViewportSizeAsync(800, 1000);
        text = (await body.BoundingBoxAsync())!;
        shown = (await preview.BoundingBoxAsync())!;
        Assert.True(shown.Y >= text.Y + text.Height, $"preview at y={shown.Y}, text ends at y={text.Y + text.Height}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-narrow.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var server = site.RequireServer();
        await NewsroomSession.CreateUserAsync(server, email, Roles.Author, Password);
        // Playwright's waits evaluate script text, which Herald's content security policy forbids.
        var context = await browser.RequireBrowser().NewContextAsync(new()
        {
            BypassCSP = true,
            BaseURL = server.Address.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        return page;
    }
}