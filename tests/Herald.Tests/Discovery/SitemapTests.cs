using System.Net;
using System.Xml.Linq;
using Herald.Discovery.Sitemaps;
using Herald.Hosting;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Discovery;

/// <summary>Sitemaps validated against the sitemaps.org schema, on both databases.</summary>
public abstract class SitemapTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    internal static async Task<string> GetXmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(XmlChecks.SitemapErrors(xml) is var errors && errors.Count == 0, path + ":\n" + string.Join("\n", errors));
        return xml;
    }

    internal static IEnumerable<string> Locations(string xml) => XDocument.Parse(xml).Descendants(XmlChecks.Sitemap + "loc").Select(l => l.Value);

    [SkippableFact]
    public async Task The_index_and_every_sitemap_are_valid_and_list_each_public_url_once()
    {
        using var client = Server.CreateClient();
        var index = await GetXmlAsync(client, "/sitemap.xml");
        var urls = new List<string>();
        foreach (var sitemap in Locations(index))
        {
            urls.AddRange(Locations(await GetXmlAsync(client, new Uri(sitemap).PathAndQuery)));
        }

        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Contains(urls, u => u.EndsWith("/category/politics", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.EndsWith("/author/jose-nunez", StringComparison.Ordinal));
        var (_, home) = await client.GetPageAsync("/");
        foreach (var article in home.ArticleLinks())
        {
            Assert.Contains(Server.Address.GetLeftPart(UriPartial.Authority) + article, urls);
        }
        Assert.All(XDocument.Parse(index).Descendants(XmlChecks.Sitemap + "lastmod"), l => Assert.EndsWith("Z", l.Value));
    }

    [SkippableFact]
    public async Task The_news_sitemap_lists_the_last_two_days_with_news_tags()
    {
        var fresh = await TestArticles.AddAsync(Server, "Tidewater crane arrives in port", "The crane arrived.", DateTime.UtcNow.AddHours(-3));
        var stale = await TestArticles.AddAsync(Server, "Tidewater crane ordered", "It was ordered.", DateTime.UtcNow.AddDays(-3));
        await Server.Services.GetRequiredService<CacheEvictor>().EvictAsync([CacheTags.Feeds], CancellationToken.None);
        using var client = Server.CreateClient();

        var xml = await GetXmlAsync(client, "/news-sitemap.xml");

        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var titles = XDocument.Parse(xml).Descendants(news + "title").Select(t => t.Value).ToList();
        Assert.Contains(fresh.Headline, titles);
        Assert.DoesNotContain(stale.Headline, titles);
        Assert.Equal("The Harbour Herald", XDocument.Parse(xml).Descendants(news + "name").First().Value);
    }

    [SkippableFact]
    public async Task Robots_txt_names_both_sitemaps()
    {
        using var client = Server.CreateClient();
        var response = await client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"Sitemap: {Server.Address.GetLeftPart(UriPartial.Authority)}/sitemap.xml", text);
        Assert.Contains($"Sitemap: {Server.Address.GetLeftPart(UriPartial.Authority)}/news-sitemap.xml", text);
        Assert.Contains("Disallow: /newsroom/", text);
    }

    [SkippableTheory]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-99.xml")]
    [InlineData("/sitemaps/articles-99999999999.xml")]
    [InlineData("/sitemaps/secrets-1.xml")]
    public async Task Pages_that_do_not_exist_answer_404(string path)
    {
        using var client = Server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }
}

public sealed class SqliteSitemapTests(SqliteSiteFixture fixture) : SitemapTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresSitemapTests(PostgresSiteFixture fixture) : SitemapTests(fixture), IClassFixture<PostgresSiteFixture>;