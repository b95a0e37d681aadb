using System.Text;
using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.ReverseProxy;
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
    public static void MapHeraldSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", WriteIndexAsync).CacheOutput(Caching.Feed);
        app.MapGet("/sitemaps/{kind:regex(^(articles|categories|tags|authors)$)}-{page:int}.xml", WritePageAsync).CacheOutput(Caching.Feed);
        app.MapGet("/news-sitemap.xml", WriteNewsAsync).CacheOutput(Caching.Feed);
        app.MapGet("/robots.txt", WriteRobotsAsync).CacheOutput(Caching.Feed);
    }

    private static string Origin(HttpContext http) => http.PublicOrigin();

    private static async Task WriteIndexAsync(HttpContext http, SitemapSource source, CancellationToken ct)
    {
        var origin = Origin(http);
        await using var xml = SitemapXml.Open(http.Response);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapXml.Namespace);
        await foreach (var file in source.FilesAsync(ct))
        {
            await xml.WriteStartElementAsync(null, "sitemap", SitemapXml.Namespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapXml.Namespace, $"{origin}/sitemaps/{file.Kind}-{file.Page}.xml");
            if (file.LastModified is { } last)
            {
                await xml.WriteElementStringAsync(null, "lastmod", SitemapXml.Namespace, SitemapXml.W3c(last));
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task<IResult> WritePageAsync(HttpContext http, string kind, int page, SitemapSource source, SiteState site,
        CancellationToken ct)
    {
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        if (await source.FindPageAsync(kind, page, zone, ct) is not { } entries)
        {
            return Results.NotFound();
        }
        var origin = Origin(http);
        await using var urls = SitemapUrlSet.Open(http.Response);
        await foreach (var entry in entries)
        {
            await urls.AddAsync(origin + entry.Path, entry.LastModified, ct);
        }
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