using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>
/// An editor's tasks in real Chromium: take a published story off the site into the trash (after
/// the confirmation that names it), see its address answer 410, restore it and see it back; and
/// save a story without being told afterwards that the words were never saved.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class TrashBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_trashes_a_published_story_after_confirming_then_restores_it_to_the_site()
    {
        var page = await SignInAsync("browser-trash@example.org");
        const string headline = "Swing bridge closed for repainting";
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync(headline);
        await page.Locator("textarea[name='Form.Body']").FillAsync("The bridge stays shut until Friday.");
        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();
        var address = await page.Locator("a", new() { HasText = "View on the site" }).GetAttributeAsync("href");
        Assert.NotNull(address);
        var editor = page.Url;
        Assert.Equal(200, (await page.GotoAsync(address!))!.Status);

        await page.GotoAsync(editor);
        await page.Locator("button", new() { HasText = "Move to trash" }).ClickAsync();
        var confirm = page.Locator(".confirm");
        await confirm.WaitForAsync();
        Assert.Contains($"Move \"{headline}\" to the trash?", await confirm.TextContentAsync());
        Assert.Contains("leave the site", await confirm.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-trash-confirm.png"), FullPage = true });
        await confirm.Locator("button", new() { HasText = "Yes, move it to the trash" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "to the trash" }).WaitForAsync();

        var gone = await page.GotoAsync(address!);
        Assert.Equal(410, gone!.Status);
        Assert.Equal("This story has been removed", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "article-410-gone.png"), FullPage = true });

        await page.GotoAsync("/newsroom/trash");
        var row = page.Locator(".trash-list tbody tr", new() { HasText = headline });
        Assert.Contains("browser-trash", await row.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-trash.png"), FullPage = true });
        await row.Locator("button", new() { HasText = "Restore and publish" }).ClickAsync();
        await page.Locator(".confirm", new() { HasText = $"Publish \"{headline}\" again?" }).WaitForAsync();
        await page.Locator(".confirm button", new() { HasText = "Yes, restore and publish it" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Restored" }).WaitForAsync();

        var back = await page.GotoAsync(address!);
        Assert.Equal(200, back!.Status);
        Assert.Equal(headline, (await page.Locator("h1").First.TextContentAsync())?.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "article-restored.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Saving_a_story_whose_tags_the_server_tidies_shows_when_it_was_saved_and_no_never_saved_warning()
    {
        var page = await SignInAsync("browser-saver@example.org");
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync("Harbour master's winter hours");
        await page.Locator("textarea[name='Form.Body']").FillAsync("The office opens at nine from November.");
        // Written loosely on purpose: the server stores "harbour, winter" and the page shows that.
        await page.Locator("input[name='Form.Tags']").FillAsync(" Harbour ,winter,, harbour ");
        await page.Locator("button[value=save]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Saved at" }).WaitForAsync();
        Assert.True(await page.Locator("[data-restore]").IsHiddenAsync());

        // And on every later visit: the kept copy was dropped because the server stored it.
        await page.ReloadAsync();
        await page.Locator("form.editor").WaitForAsync();
        Assert.True(await page.Locator("[data-restore]").IsHiddenAsync());

        await page.Locator("input[name='Form.Tags']").FillAsync("Winter , HARBOUR");
        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published at" }).WaitForAsync();
        Assert.True(await page.Locator("[data-restore]").IsHiddenAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-saved-at.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private Task<IPage> SignInAsync(string email) => NewsroomBrowserSession.SignInAsync(browser, site.RequireServer(), email, Roles.Editor);
}