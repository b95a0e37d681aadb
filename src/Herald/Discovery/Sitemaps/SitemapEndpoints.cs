using System.Text;
using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Sitemaps;

/// <summary>How many URLs one sitemap file may hold (sitemaps.org allows 50,000); tests lower it to see paging.</summary>
public sealed record SitemapOptions(int UrlsPerFile = 50_000);

/// <summary>
/// /sitemap.xml (an index), /sitemaps/{kind}-{n}.xml, /news-sitemap.xml and /robots.txt. Rows are
/// streamed from the database into an XmlWriter on the response, so no list of URLs is held.
/// </summary>
public static class SitemapEndpoints
{
    private static readonly string[] Kinds = ["articles", "categories", "tags", "authors"];

    public static void MapHeraldSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", WriteIndexAsync).CacheOutput(DiscoveryServices.FeedPolicy);
        app.MapGet("/sitemaps/{kind:regex(^(articles|categories|tags|authors)$)}-{page:int}.xml", WritePageAsync).CacheOutput(DiscoveryServices.FeedPolicy);
        app.MapGet("/news-sitemap.xml", WriteNewsAsync).CacheOutput(DiscoveryServices.FeedPolicy);
        app.MapGet("/robots.txt", WriteRobotsAsync).CacheOutput(DiscoveryServices.FeedPolicy);
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static async Task WriteIndexAsync(HttpContext http, SitemapSource source, SitemapOptions options, CancellationToken ct)
    {
        await using var xml = SitemapXml.Open(http.Response);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapXml.Namespace);
        foreach (var kind in Kinds)
        {
            var count = await source.CountAsync(kind, ct);
            var pages = Math.Max(1, (count + options.UrlsPerFile - 1) / options.UrlsPerFile);
            for (var page = 1; page <= pages; page++)
            {
                await xml.WriteStartElementAsync(null, "sitemap", SitemapXml.Namespace);
                await xml.WriteElementStringAsync(null, "loc", SitemapXml.Namespace, $"{Origin(http)}/sitemaps/{kind}-{page}.xml");
                if (await source.LastChangedAsync(kind, page, ct) is { } last)
                {
                    await xml.WriteElementStringAsync(null, "lastmod", SitemapXml.Namespace, SitemapXml.W3c(last));
                }
                await xml.WriteEndElementAsync();
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task<IResult> WritePageAsync(HttpContext http, string kind, int page, SitemapSource source, SiteState site,
        SitemapOptions options, CancellationToken ct)
    {
        var count = await source.CountAsync(kind, ct);
        if (page < 1 || (page - 1L) * options.UrlsPerFile >= Math.Max(count, 1))
        {
            return Results.NotFound();
        }
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var origin = Origin(http);
        await using var xml = SitemapXml.Open(http.Response);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapXml.Namespace);
        await foreach (var entry in source.PageAsync(kind, page, zone, ct))
        {
            await SitemapXml.WriteUrlAsync(xml, origin + entry.Path, entry.LastModified);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        return Results.Empty;
    }

    private static async Task WriteNewsAsync(HttpContext http, ArticleQueries articles, SiteState site, TimeProvider clock, CancellationToken ct)
    {
        var settings = (await site.GetAsync(ct)).Settings;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        var origin = Origin(http);
        await using var xml = SitemapXml.Open(http.Response);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapXml.Namespace);
        await xml.WriteAttributeStringAsync("xmlns", "news", null, SitemapXml.NewsNamespace);
        // Google News reads at most 1,000 URLs from the last two days.
        var recent = articles.Published().Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).Take(1000)
            .Select(a => new { a.Slug, a.Headline, PublishedAt = a.PublishedAt!.Value })
            .AsAsyncEnumerable();
        await foreach (var article in recent.WithCancellation(ct))
        {
            await xml.WriteStartElementAsync(null, "url", SitemapXml.Namespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapXml.Namespace, origin + ArticleUrls.For(article.PublishedAt, article.Slug, settings.TimeZone));
            await xml.WriteStartElementAsync("news", "news", SitemapXml.NewsNamespace);
            await xml.WriteStartElementAsync("news", "publication", SitemapXml.NewsNamespace);
            await xml.WriteElementStringAsync("news", "name", SitemapXml.NewsNamespace, settings.Title);
            await xml.WriteElementStringAsync("news", "language", SitemapXml.NewsNamespace, "en");
            await xml.WriteEndElementAsync();
            await xml.WriteElementStringAsync("news", "publication_date", SitemapXml.NewsNamespace, SitemapXml.W3c(article.PublishedAt));
            await xml.WriteElementStringAsync("news", "title", SitemapXml.NewsNamespace, article.Headline);
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task WriteRobotsAsync(HttpContext http)
    {
        var origin = Origin(http);
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /newsroom/\n")
            .Append("Disallow: /search\n")
            .Append('\n')
            .Append($"Sitemap: {origin}/sitemap.xml\n")
            .Append($"Sitemap: {origin}/news-sitemap.xml\n")
            .ToString();
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }
}