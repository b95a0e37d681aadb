using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>An article in real Chromium at a phone's and a desktop's width, and the Back to top link.</summary>
[Trait("Tier", "Slow")]
public sealed class ArticleBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableTheory]
    [InlineData("phone", 320, 640)]
    [InlineData("desktop", 1280, 900)]
    public async Task Article_reads_well_and_back_to_top_works_by_mouse(string device, int width, int height)
    {
        var page = await OpenLongArticleAsync(width, height);

        // Nothing wider than the screen: no sideways scrolling on a phone.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the {device} viewport");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, $"article-{device}.png"), FullPage = true });

        var button = page.Locator("a.back-to-top");
        Assert.False(await IsShownAsync(button), "hidden at the top of the page when script runs");

        await page.Mouse.WheelAsync(0, 4000);
        await page.WaitForFunctionAsync("document.querySelector('.back-to-top').classList.contains('is-visible')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, $"article-{device}-scrolled.png") });
        await button.ClickAsync();

        await page.WaitForFunctionAsync("window.scrollY === 0");
        Assert.Equal("page-top", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [SkippableFact]
    public async Task Back_to_top_works_by_keyboard_with_a_visible_focus_ring()
    {
        var page = await OpenLongArticleAsync(1280, 900);
        await page.Keyboard.PressAsync("End");
        await page.WaitForFunctionAsync("window.scrollY > 500");

        // Tab from the last link before it (the footer) onto the button, as a keyboard user would.
        await page.Locator(".site-footer").EvaluateAsync("footer => { const a = document.createElement('a'); a.href = '#'; a.id = 'probe'; a.textContent = 'x'; footer.append(a); a.focus(); }");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.classList.contains('back-to-top')"));
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        Assert.True(await IsShownAsync(page.Locator("a.back-to-top")));

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("window.scrollY === 0");
        Assert.Equal("page-top", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [SkippableFact]
    public async Task Back_to_top_is_a_plain_link_without_script()
    {
        var context = await browser.RequireBrowser().NewContextAsync(new() { BypassCSP = true, JavaScriptEnabled = false, ViewportSize = new() { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(await LongArticleUrlAsync());
        await page.Mouse.WheelAsync(0, 4000);

        // Without script nothing can be evaluated in the page; the browser's own geometry tells instead.
        var button = page.Locator("a.back-to-top");
        Assert.True(await button.IsVisibleAsync());
        Assert.True((await page.Locator("#page-top").BoundingBoxAsync())!.Y < 0, "scrolled away from the top");
        await button.ClickAsync();

        Assert.EndsWith("#page-top", page.Url);
        // The stylesheet asks for smooth scrolling, so the jump takes a moment.
        var top = double.MinValue;
        for (var attempt = 0; attempt < 50 && Math.Abs(top) > 1; attempt++)
        {
            await Task.Delay(100);
            top = (await page.Locator("#page-top").BoundingBoxAsync())!.Y;
        }
        Assert.InRange(top, -1, 1);
        await context.CloseAsync();
    }

    private static async Task<bool> IsShownAsync(ILocator locator) =>
        await locator.EvaluateAsync<bool>("e => getComputedStyle(e).opacity !== '0' && e.getBoundingClientRect().height > 0");

    private async Task<IPage> OpenLongArticleAsync(int width, int height)
    {
        // Playwright's waits evaluate script text, which Herald's content security policy forbids.
        var context = await browser.RequireBrowser().NewContextAsync(new() { BypassCSP = true, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(await LongArticleUrlAsync());
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>The longest demo article, so there is something to scroll.</summary>
    private async Task<string> LongArticleUrlAsync()
    {
        var server = site.RequireServer();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
        var longest = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Articles.OrderByDescending(a => a.WordCount));
        var zone = (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;
        return new Uri(server.Address, Herald.Articles.ArticleUrls.For(longest.PublishedAt!.Value, longest.Slug, zone)).ToString();
    }
}