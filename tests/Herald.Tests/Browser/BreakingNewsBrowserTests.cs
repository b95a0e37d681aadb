using Herald.Accounts;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>An editor's task in real Chromium: raise a breaking-news banner, see it on a page readers had cached, clear it.</summary>
[Trait("Tier", "Slow")]
public sealed class BreakingNewsBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string Password = "a password for the browser";

    [SkippableFact]
    public async Task An_editor_raises_a_banner_readers_see_at_once_and_clears_it()
    {
        var server = site.RequireServer();
        var breaking = await TestArticles.AddAsync(server, "Ferry aground off the north pier", "All passengers are safe.");
        var other = await TestArticles.AddAsync(server, "Market hall reopens on Saturday", "Stalls return.");
        var readerUrl = await server.UrlOfAsync(other.Slug);
        // Two browsers: a reader who is not signed in, and the editor.
        var readerContext = await NewContextAsync(server);
        var reader = await readerContext.NewPageAsync();
        // Twice: the second answer comes from the output cache.
        await reader.GotoAsync(readerUrl);
        await reader.ReloadAsync();
        Assert.Equal(0, await reader.Locator(".breaking-news").CountAsync());

        await NewsroomSession.CreateUserAsync(server, "browser-desk@example.org", Roles.Editor, Password);
        var editorContext = await NewContextAsync(server);
        var editor = await SignInAsync(editorContext, "browser-desk@example.org");
        await editor.GotoAsync($"/newsroom/articles/edit/{breaking.Id}");
        await editor.Locator("a", new() { HasText = "Flag as breaking news" }).ClickAsync();
        await editor.Locator("h2", new() { HasText = "Flag “Ferry aground off the north pier” as breaking news?" }).WaitForAsync();
        await editor.Locator("label", new() { HasText = "1 hour" }).ClickAsync();
        await editor.Locator("button", new() { HasText = "Raise the banner for" }).ClickAsync();
        await editor.Locator(".notice", new() { HasText = "is now the breaking-news banner" }).WaitForAsync();

        // The very next load of the cached page, with no waiting, carries the banner.
        await reader.ReloadAsync();
        var banner = reader.Locator("[role=region][aria-label='Breaking news']");
        // The text as written; the style shows "Breaking" in capitals.
        Assert.Equal("Breaking: Ferry aground off the north pier", string.Join(' ', (await banner.TextContentAsync())!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        await reader.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "breaking-news-banner.png") });
        await banner.Locator("a").ClickAsync();
        await reader.Locator("h1", new() { HasText = "Ferry aground off the north pier" }).WaitForAsync();

        await editor.Locator("button", new() { HasText = "Clear the banner" }).ClickAsync();
        await editor.Locator(".notice", new() { HasText = "is cleared" }).WaitForAsync();
        await reader.GotoAsync(readerUrl);
        Assert.Equal(0, await reader.Locator(".breaking-news").CountAsync());
        await readerContext.CloseAsync();
        await editorContext.CloseAsync();
    }

    // Playwright's waits evaluate script text, which Herald's content security policy forbids.
    private Task<IBrowserContext> NewContextAsync(HeraldTestServer server) => browser.RequireBrowser().NewContextAsync(new()
    {
        BypassCSP = true,
        BaseURL = server.Address.ToString().TrimEnd('/'),
        ViewportSize = new() { Width = 1280, Height = 900 },
    });

    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        return page;
    }
}