using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>Every absolute URL a site writes for one article: page head, JSON-LD, Link header, feed, sitemaps, robots.txt and the WordPress API.</summary>
public sealed class AbsoluteUrls : List<string>
{
    /// <summary>The Strict-Transport-Security header of the article page, if any.</summary>
    public string? Hsts { get; private set; }

    public static async Task<AbsoluteUrls> CollectAsync(HttpClient client, string articleUrl)
    {
        var urls = new AbsoluteUrls();
        using var article = await client.GetAsync(articleUrl);
        article.EnsureSuccessStatusCode();
        urls.Hsts = article.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null;
        var html = Html.Parse(await article.Content.ReadAsStringAsync());
        urls.Add(html.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!);
        urls.Add(html.QuerySelector("meta[property='og:url']")!.GetAttribute("content")!);
        using (var jsonLd = JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent))
        {
            urls.AddRange(UrlsIn(jsonLd.RootElement));
        }
        var link = article.Headers.GetValues("Link").Single();
        urls.Add(link[1..link.IndexOf('>', StringComparison.Ordinal)]);

        var feed = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/feed"));
        urls.AddRange(feed.Descendants("link").Select(l => l.Value).Where(v => v.Length > 0));
        var sitemap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        urls.AddRange(sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value));
        urls.AddRange((await client.GetStringAsync("/robots.txt")).Split('\n').Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)).Select(l => l[9..]));
        using (var posts = JsonDocument.Parse(await client.GetStringAsync("/wp-json/wp/v2/posts?per_page=1")))
        {
            urls.Add(posts.RootElement[0].GetProperty("link").GetString()!);
        }
        Assert.True(urls.Count > 8, $"Only {urls.Count} absolute URLs were found.");
        return urls;
    }

    /// <summary>Every absolute URL in a JSON-LD block but its @context, which names schema.org and not the site.</summary>
    private static IEnumerable<string> UrlsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "@context").SelectMany(p => UrlsIn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(UrlsIn),
        JsonValueKind.String when element.GetString()!.StartsWith("http", StringComparison.Ordinal) => [element.GetString()!],
        _ => [],
    };
}