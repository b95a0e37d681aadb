using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Discovery;

/// <summary>OpenGraph, Twitter card and JSON-LD that search engines and social sites read from an article.</summary>
public sealed class MetadataTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [SkippableFact]
    public async Task Article_pages_carry_opengraph_and_newsarticle_json_ld()
    {
        using var client = fixture.RequireServer().CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        var path = home.ArticleLinks()[0];
        var (_, page) = await client.GetPageAsync(path);

        string? Meta(string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Equal("article", Meta("og:type"));
        Assert.EndsWith(path, Meta("og:url"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Meta("article:published_time"));
        Assert.NotNull(Meta("article:modified_time"));
        Assert.NotNull(Meta("article:section"));
        Assert.NotEmpty(page.QuerySelectorAll("meta[property='article:tag']"));
        Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));

        var blocks = page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();
        var article = blocks.Single(b => b.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal(page.QuerySelector("h1")!.TextContent, article.GetProperty("headline").GetString());
        foreach (var required in new[] { "image", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage" })
        {
            Assert.True(article.TryGetProperty(required, out _), $"NewsArticle lacks {required}");
        }
        Assert.StartsWith("http", article.GetProperty("image")[0].GetProperty("url").GetString());
        Assert.NotEmpty(article.GetProperty("author")[0].GetProperty("name").GetString()!);
        Assert.EndsWith("/favicon.svg", article.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.EndsWith(path, article.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        var crumbs = blocks.Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement");
        Assert.Equal(3, crumbs.GetArrayLength());
        Assert.Equal(3, crumbs[2].GetProperty("position").GetInt32());
    }

    [SkippableFact]
    public async Task Every_public_page_has_a_description_and_social_tags()
    {
        using var client = fixture.RequireServer().CreateClient();
        foreach (var path in new[] { "/", "/category/politics", "/search?q=harbour" })
        {
            var (_, page) = await client.GetPageAsync(path);
            Assert.NotNull(page.QuerySelector("meta[name=description]"));
            Assert.Equal("website", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
            Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
            Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));
        }
    }
}