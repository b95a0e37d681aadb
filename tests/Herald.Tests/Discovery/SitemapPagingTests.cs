using System.Net;
using System.Xml.Linq;
using Herald.Articles;
using Herald.Discovery.Sitemaps;
using Herald.Site;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>
/// Article sitemaps with ten URLs per file, on both databases: where the pages break, what they
/// leave out, and the index's lastmod for each. The site's output cache is off, so each request
/// sees the articles a test has just written.
/// </summary>
public abstract class SitemapPagingTests(SiteFixture fixture)
{
    internal const int PerFile = 10;

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Article_sitemaps_list_every_published_story_once_in_id_order_in_full_files()
    {
        var expected = await ExpectedUrlsAsync();

        var files = await ArticleFilesAsync();

        Assert.Equal((expected.Count + PerFile - 1) / PerFile, files.Count);
        Assert.All(files.SkipLast(1), f => Assert.Equal(PerFile, f.Urls.Count));
        Assert.InRange(files[^1].Urls.Count, 1, PerFile);
        Assert.Equal(expected, files.SelectMany(f => f.Urls.Select(u => u.Location)).ToList());
    }

    [SkippableFact]
    public async Task At_an_exact_multiple_of_the_limit_there_is_no_empty_extra_file()
    {
        var published = (await ExpectedUrlsAsync()).Count;
        for (var i = published % PerFile; i is > 0 and < PerFile; i++)
        {
            await TestArticles.AddAsync(Server, $"Quay wall survey part {i}", "Surveyors measured the quay wall.");
        }
        published = (await ExpectedUrlsAsync()).Count;
        Assert.Equal(0, published % PerFile);
        using var client = Server.CreateClient();

        var files = await ArticleFilesAsync();

        Assert.Equal(published / PerFile, files.Count);
        Assert.Equal(PerFile, files[^1].Urls.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemaps/articles-{files.Count + 1}.xml")).StatusCode);

        var extra = await TestArticles.AddAsync(Server, "Quay wall survey finds cracks", "The survey found cracks.");

        files = await ArticleFilesAsync();
        Assert.Equal(published / PerFile + 1, files.Count);
        Assert.Equal([await Absolute(extra.Slug)], files[^1].Urls.Select(u => u.Location));
    }

    [SkippableFact]
    public async Task Drafts_pages_and_future_stories_are_never_listed_nor_date_the_index()
    {
        // Each carries the newest UpdatedAt on the site, so counting any of them would move a lastmod.
        var later = DateTime.UtcNow.AddDays(3);
        var draft = await TestArticles.AddAsync(Server, "Dredging plan drafted", "Not yet.", status: ArticleStatus.Draft);
        var future = await TestArticles.AddAsync(Server, "Dredging starts next week", "Soon.", publishedAt: DateTime.UtcNow.AddDays(2));
        var page = await TestArticles.AddAsync(Server, "About the harbour desk", "Who we are.");
        await TestArticles.UpdateAsync(Server, draft.Id, a => a.UpdatedAt = later);
        await TestArticles.UpdateAsync(Server, future.Id, a => a.UpdatedAt = later);
        await TestArticles.UpdateAsync(Server, page.Id, a => (a.Kind, a.UpdatedAt) = (ArticleKind.Page, later));

        var files = await ArticleFilesAsync();

        var listed = files.SelectMany(f => f.Urls.Select(u => u.Location)).ToList();
        foreach (var hidden in new[] { draft, future, page })
        {
            Assert.DoesNotContain(listed, u => u.Contains(hidden.Slug, StringComparison.Ordinal));
        }
        Assert.Equal(await ExpectedUrlsAsync(), listed);
        AssertIndexDatesEachFile(files);
    }

    [SkippableFact]
    public async Task Each_file_in_the_index_is_dated_by_the_newest_change_among_its_urls()
    {
        var before = await ArticleFilesAsync();
        Assert.True(before.Count >= 3, $"the demo site should need at least three files of {PerFile}, not {before.Count}");
        AssertIndexDatesEachFile(before);

        // An edit to a story in the second file dates that file, and only that one.
        var edited = await FirstStoryInFileAsync(2);
        var now = DateTime.UtcNow;
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
        await TestArticles.UpdateAsync(Server, edited, a => a.UpdatedAt = at);

        var after = await ArticleFilesAsync();
        AssertIndexDatesEachFile(after);
        Assert.Equal(SitemapXmlDate(at), after[1].IndexLastmod);
        Assert.Equal(before[0].IndexLastmod, after[0].IndexLastmod);
        Assert.Equal(before[2].IndexLastmod, after[2].IndexLastmod);
    }

    [SkippableFact]
    public async Task A_tag_is_dated_by_its_newest_published_story_only()
    {
        var tag = "Lighthouse keepers " + Guid.NewGuid().ToString("N")[..6];
        var published = DateTime.UtcNow.AddMinutes(-30);
        published = new DateTime(published.Ticks - published.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        await TestArticles.AddAsync(Server, "Keepers leave the last lighthouse", "They left.", publishedAt: published.AddDays(-5), tags: [tag]);
        await TestArticles.AddAsync(Server, "Keepers honoured at the quay", "They were honoured.", publishedAt: published, tags: [tag]);
        await TestArticles.AddAsync(Server, "Keepers return next month", "Soon.", publishedAt: DateTime.UtcNow.AddDays(20), tags: [tag]);
        await TestArticles.AddAsync(Server, "Keepers draft", "Not yet.", publishedAt: DateTime.UtcNow.AddMinutes(-1), status: ArticleStatus.Draft, tags: [tag]);
        using var client = Server.CreateClient();

        var index = SitemapTests.Locations(await SitemapTests.GetXmlAsync(client, "/sitemap.xml"));
        var tagUrls = new List<XElement>();
        foreach (var file in index.Where(l => l.Contains("/sitemaps/tags-", StringComparison.Ordinal)))
        {
            var xml = XDocument.Parse(await SitemapTests.GetXmlAsync(client, new Uri(file).PathAndQuery));
            tagUrls.AddRange(xml.Descendants(XmlChecks.Sitemap + "url"));
        }

        var entry = Assert.Single(tagUrls, u => u.Element(XmlChecks.Sitemap + "loc")!.Value.EndsWith("/tag/" + Slugs.From(tag), StringComparison.Ordinal));
        Assert.Equal(SitemapXmlDate(published), entry.Element(XmlChecks.Sitemap + "lastmod")?.Value);
    }

    private static void AssertIndexDatesEachFile(IReadOnlyList<ArticleFile> files)
    {
        foreach (var file in files)
        {
            // W3C dates in UTC with a fixed width compare correctly as text.
            Assert.Equal(file.Urls.Select(u => u.Lastmod).Max(StringComparer.Ordinal), file.IndexLastmod);
        }
    }

    private static string SitemapXmlDate(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ListedUrl(string Location, string? Lastmod);

    private sealed record ArticleFile(string Location, string? IndexLastmod, List<ListedUrl> Urls);

    /// <summary>The index's article files, each fetched and validated against the schema.</summary>
    private async Task<List<ArticleFile>> ArticleFilesAsync()
    {
        using var client = Server.CreateClient();
        var index = XDocument.Parse(await SitemapTests.GetXmlAsync(client, "/sitemap.xml"));
        var files = new List<ArticleFile>();
        foreach (var entry in index.Descendants(XmlChecks.Sitemap + "sitemap"))
        {
            var location = entry.Element(XmlChecks.Sitemap + "loc")!.Value;
            if (!location.Contains("/sitemaps/articles-", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.EndsWith($"/sitemaps/articles-{files.Count + 1}.xml", location);
            var page = XDocument.Parse(await SitemapTests.GetXmlAsync(client, new Uri(location).PathAndQuery));
            var urls = page.Descendants(XmlChecks.Sitemap + "url")
                .Select(u => new ListedUrl(u.Element(XmlChecks.Sitemap + "loc")!.Value, u.Element(XmlChecks.Sitemap + "lastmod")?.Value))
                .ToList();
            files.Add(new ArticleFile(location, entry.Element(XmlChecks.Sitemap + "lastmod")?.Value, urls));
        }
        return files;
    }

    /// <summary>Published, already out, stories only, by id: written here without ArticleQueries, which the site uses.</summary>
    private async Task<List<string>> ExpectedUrlsAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var zone = (await scope.ServiceProvider.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;
        var now = DateTime.UtcNow;
        var stories = await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story && a.PublishedAt <= now)
            .OrderBy(a => a.Id).Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value }).ToListAsync();
        var origin = Server.Address.GetLeftPart(UriPartial.Authority);
        return stories.Select(s => origin + ArticleUrls.For(s.PublishedAt, s.Slug, zone)).ToList();
    }

    private async Task<int> FirstStoryInFileAsync(int file)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var now = DateTime.UtcNow;
        return await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story && a.PublishedAt <= now)
            .OrderBy(a => a.Id).Select(a => a.Id).Skip((file - 1) * PerFile).FirstAsync();
    }

    private async Task<string> Absolute(string slug) => Server.Address.GetLeftPart(UriPartial.Authority) + await Server.UrlOfAsync(slug);
}

public sealed class SqlitePagedSitemapFixture : SqliteSiteFixture
{
    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(new SitemapOptions(UrlsPerFile: SitemapPagingTests.PerFile));
}

public sealed class PostgresPagedSitemapFixture : PostgresSiteFixture
{
    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(new SitemapOptions(UrlsPerFile: SitemapPagingTests.PerFile));
}

public sealed class SqliteSitemapPagingTests(SqlitePagedSitemapFixture fixture) : SitemapPagingTests(fixture), IClassFixture<SqlitePagedSitemapFixture>;

public sealed class PostgresSitemapPagingTests(PostgresPagedSitemapFixture fixture) : SitemapPagingTests(fixture), IClassFixture<PostgresPagedSitemapFixture>;