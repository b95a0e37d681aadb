using Herald.Accounts;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>An author's day in real Chromium: sign in, upload a picture, write with the live preview, publish; and autosave.</summary>
[Trait("Tier", "Slow")]
public sealed class NewsroomBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_author_writes_an_illustrated_article_sees_the_preview_and_publishes_it()
    {
        var page = await SignInAsync("browser-author@example.org");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-dashboard-desktop.png"), FullPage = true });

        await page.GotoAsync("/newsroom/media");
        await page.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "lighthouse.png", MimeType = "image/png", Buffer = MediaTests.Png(1400, 800) });
        await page.Locator("input[name='Upload.Alt']").FillAsync("A lighthouse against a gradient sky");
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom/media/*");

        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync("Lighthouse keeper retires after forty years");
        await page.Locator("textarea[name='Form.Body']").FillAsync("She climbed **one hundred steps** every night.\n\nThe lamp is automatic now.");
        await page.Locator("[data-preview-body] strong").WaitForAsync();
        Assert.Equal("one hundred steps", await page.Locator("[data-preview-body] strong").TextContentAsync());
        Assert.Equal("Lighthouse keeper retires after forty years", await page.Locator("[data-preview-headline]").TextContentAsync());
        // Options name size and upload time after the file name, so two files of one name differ.
        var lighthouse = await page.Locator("select[name='Form.FeaturedMediaId'] option", new() { HasText = "lighthouse.png · 1400 × 800" }).GetAttributeAsync("value");
        await page.Locator("select[name='Form.FeaturedMediaId']").SelectOptionAsync(new SelectOptionValue { Value = lighthouse });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-editor-desktop.png"), FullPage = true });

        await page.Locator("button[value=publish]").ClickAsync();
        // Not the address: an autosave on a slow machine may already have moved the page to the
        // article's own editor, which is also where publishing lands.
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();

        await page.GotoAsync("/");
        var link = page.Locator(".card-headline a", new() { HasText = "Lighthouse keeper retires after forty years" });
        Assert.Equal(1, await link.CountAsync());
        await link.ClickAsync();
        Assert.Equal("A lighthouse against a gradient sky", await page.Locator(".featured-image img").GetAttributeAsync("alt"));
        Assert.Contains("480w", await page.Locator(".featured-image img").GetAttributeAsync("srcset"));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task An_autosaved_draft_survives_closing_the_page_mid_edit()
    {
        var page = await SignInAsync("browser-autosave@example.org");
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync("Draft that must not be lost");
        await page.Locator("textarea[name='Form.Body']").FillAsync("The first paragraph.");
        await page.Locator("[data-autosave-status]", new() { HasText = "Draft saved" }).WaitForAsync(new() { Timeout = 15_000 });
        Assert.Matches("/newsroom/articles/edit/\\d+$", page.Url);

        // More words, then the tab closes before the next timed autosave: the page-hide beacon carries them.
        await page.Locator("textarea[name='Form.Body']").PressSequentiallyAsync(" And a second, typed just before closing.");
        await page.CloseAsync(new() { RunBeforeUnload = true });

        var server = site.RequireServer();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string? body = null;
        while (DateTime.UtcNow < deadline && body?.EndsWith("typed just before closing.", StringComparison.Ordinal) != true)
        {
            await Task.Delay(200);
            await using var scope = server.Services.CreateAsyncScope();
            body = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles
                .Where(a => a.Headline == "Draft that must not be lost").Select(a => a.BodySource).SingleOrDefaultAsync();
        }
        Assert.Equal("The first paragraph. And a second, typed just before closing.", body);
    }

    private Task<IPage> SignInAsync(string email) => NewsroomBrowserSession.SignInAsync(browser, site.RequireServer(), email, Roles.Author);
}