using System.Text.RegularExpressions;
using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.WordPress.Import;
using Herald.WordPress.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Herald.Tests.Browser;

/// <summary>
/// WordPress's theme unit test export moved as a newsroom moves its archive: the pictures fetched
/// with `--fetch-media` from a local copy of the uploads host, then every published story and page
/// read in Chromium under Herald's own content policy. No picture may be broken; the menus show,
/// the sticky story leads the home page, and the password-protected story is locked.
/// </summary>
[Trait("Tier", "Slow")]
public sealed partial class ImportedSiteBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>The export's upload host, which every picture of its posts and pages lives on.</summary>
    private const string UploadsHost = "https://wpthemetestdata.files.wordpress.com";

    [SkippableFact]
    public async Task The_imported_theme_unit_test_site_shows_every_picture_its_menus_sticky_story_and_locked_post()
    {
        RequiredService.SkipUnlessAvailable(File.Exists(ThemeUnitTestImport.ExportFile), $"the WordPress test export is not at {ThemeUnitTestImport.ExportFile}");
        var chromium = browser.RequireBrowser();
        await using var uploads = await UploadsServer.StartAsync();
        using var folder = new TempFolder();
        var export = Path.Combine(folder.Path, "theme-unit-test.xml");
        var text = (await File.ReadAllTextAsync(ThemeUnitTestImport.ExportFile))
            .Replace(UploadsHost, uploads.Origin, StringComparison.Ordinal);
        await File.WriteAllTextAsync(export, text);
        var served = ServeEveryPicture(text, uploads);
        Assert.True(served > 30, $"only {served} picture addresses in the export");

        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"), demo: false);
        var importer = ActivatorUtilities.CreateInstance<WxrImporter>(server.Services);
        var report = await importer.RunAsync(new WxrImportOptions(export, null, SkipAnalysis: true) { FetchMedia = new MediaFetchOptions { Timeout = TimeSpan.FromSeconds(10) } },
            new ImportProgress(TextWriter.Null, terminal: false), CancellationToken.None);
        output.WriteLine(report.Format(0));

        await using var context = await chromium.NewContextAsync(new() { BaseURL = server.Address.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var broken = new List<string>();
        var overflowing = new List<string>();
        var pictures = 0;
        foreach (var path in await PublishedPathsAsync(server))
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
            var images = await ImagesAsync(page);
            pictures += images.Count;
            // Fetched, not hot-linked: a picture still on the old uploads host counts as broken even if it loaded.
            broken.AddRange(images.Where(i => !i.Shown || i.Source.StartsWith(uploads.Origin, StringComparison.Ordinal)).Select(i => $"{path}: {i.Source}"));
            // Imported markup (wide tables, long words, fixed-width embeds) must not push the page sideways.
            if (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") is > 0 and var excess)
            {
                overflowing.Add($"{path}: {excess}px wider than the window, by {await page.EvaluateAsync<string>(WidestElementsScript)}");
            }
        }
        Assert.True(overflowing.Count == 0, $"{overflowing.Count} pages scroll sideways:\n{string.Join('\n', overflowing.Take(40))}");
        output.WriteLine($"{pictures} pictures shown; broken: {broken.Count}");
        Assert.True(broken.Count == 0, $"{broken.Count} broken pictures:\n{string.Join('\n', broken.Take(40))}");
        Assert.True(pictures > 50, $"only {pictures} pictures on the imported site");

        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "imported-theme-unit-test-home.png"), FullPage = true });
        Assert.Equal("Template: Sticky", (await page.Locator(".card-headline a").First.TextContentAsync())?.Trim());
        Assert.True(await page.Locator("nav.site-menu a").CountAsync() > 3, "the imported header menu is missing");
        Assert.True(await ImagesShownAsync(page), "a picture on the home page is broken");

        // And on a phone: the imported menus, cards and markup fit a 390-pixel window.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/", await server.UrlOfAsync("markup-html-tags-and-formatting"), await server.UrlOfAsync("template-sticky") })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0,
                $"{path} scrolls sideways on a phone, by {await page.EvaluateAsync<string>(WidestElementsScript)}");
        }
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync(await server.UrlOfAsync("template-password-protected"));
        Assert.Equal(1, await page.Locator("form.password-form").CountAsync());
        Assert.Equal(0, await page.Locator(".story-body").CountAsync());
    }

    /// <summary>The innermost elements that reach past the window's right edge, to name what to fix.</summary>
    private const string WidestElementsScript = """
        () => {
          const limit = document.documentElement.clientWidth;
          const name = e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''}`;
          const past = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > limit + 1
            || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().left + e.scrollWidth > limit + 1));
          const innermost = past.filter(e => ![...e.querySelectorAll('*')].some(c => past.includes(c)));
          return innermost.slice(0, 4).map(e => `${name(e)} in ${name(e.parentElement)} (${e.scrollWidth}px)`).join(', ');
        }
        """;

    /// <summary>Serves a generated picture, of the size a WordPress name gives (-300x200), at every picture address on the host.</summary>
    private static int ServeEveryPicture(string export, UploadsServer host)
    {
        var paths = Regex.Matches(export, Regex.Escape(host.Origin) + @"(/[^""'<>\s\]\[]+?\.(?:jpe?g|png|gif))", RegexOptions.IgnoreCase)
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            var size = SizeInName().Match(path);
            host.AddPicture(path, size.Success ? int.Parse(size.Groups[1].Value) : 1200, size.Success ? int.Parse(size.Groups[2].Value) : 800);
        }
        return paths.Count;
    }

    [GeneratedRegex(@"-(\d{2,4})x(\d{2,4})\.\w+$")]
    private static partial Regex SizeInName();

    private static async Task<List<string>> PublishedPathsAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;
        var published = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles
            .Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new { a.Slug, a.Kind, a.PublishedAt }).ToListAsync();
        return published.Select(a => a.Kind == ArticleKind.Page ? "/" + a.Slug : ArticleUrls.For(a.PublishedAt!.Value, a.Slug, zone)).ToList();
    }

    /// <summary>A picture as the page script reports it (Playwright fills it by property names).</summary>
    public sealed class Picture
    {
        public string Source { get; set; } = "";
        public bool Shown { get; set; }
    }

    /// <summary>
    /// Every picture of the page, lazy ones made eager first, once each has finished loading: shown
    /// when the browser decoded it (a picture the content policy blocked, or a 404, has no width).
    /// </summary>
    private static async Task<List<Picture>> ImagesAsync(IPage page)
    {
        var found = await page.EvaluateAsync<Picture[]>("""
            async () => {
                const images = [...document.images];
                images.forEach(i => i.loading = 'eager');
                await Promise.all(images.map(i => i.complete ? null : new Promise(done => { i.onload = i.onerror = done; setTimeout(done, 10000); })));
                return images.map(i => ({ source: i.currentSrc || i.src, shown: i.complete && i.naturalWidth > 0 }));
            }
            """);
        return [.. found];
    }

    private static async Task<bool> ImagesShownAsync(IPage page) => (await ImagesAsync(page)).All(i => i.Shown);
}