using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.ReverseProxy;
using Herald.Media;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Herald.Discovery.Feeds;

/// <summary>/feed and /feed/atom for the site, and the same under each section, tag and author.</summary>
public static class FeedEndpoints
{
    public static void MapHeraldFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(ArticleUrls.Feed, (HttpContext http, CancellationToken ct) => ServeAsync(http, FeedScope.Site, atom: false, ct)).CacheOutput(Caching.Feed);
        app.MapGet(ArticleUrls.AtomFeed, (HttpContext http, CancellationToken ct) => ServeAsync(http, FeedScope.Site, atom: true, ct)).CacheOutput(Caching.Feed);
        app.MapGet("/{kind:regex(^(category|tag|author)$)}/{slug}/feed", (HttpContext http, string kind, string slug, CancellationToken ct) =>
            ServeScopedAsync(http, kind, slug, atom: false, ct)).CacheOutput(Caching.Feed);
        app.MapGet("/{kind:regex(^(category|tag|author)$)}/{slug}/feed/atom", (HttpContext http, string kind, string slug, CancellationToken ct) =>
            ServeScopedAsync(http, kind, slug, atom: true, ct)).CacheOutput(Caching.Feed);
    }

    private static async Task<IResult> ServeScopedAsync(HttpContext http, string kind, string slug, bool atom, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<HeraldDbContext>();
        var scope = await FeedScope.FindAsync(db, kind, slug, ct);
        return scope is null ? Results.NotFound() : await ServeAsync(http, scope, atom, ct);
    }

    /// <summary>The size of each featured picture Herald stores itself; one kept elsewhere has none known.</summary>
    private static Dictionary<string, long> PictureSizes(IEnumerable<Article> articles, IMediaStore media)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var url in articles.Select(a => a.FeaturedImage?.Url).OfType<string>())
        {
            if (!sizes.ContainsKey(url) && media.SizeOf(url) is { } bytes)
            {
                sizes[url] = bytes;
            }
        }
        return sizes;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, FeedScope scope, bool atom, CancellationToken ct)
    {
        var services = http.RequestServices;
        var site = await services.GetRequiredService<SiteState>().GetAsync(ct);
        var articles = await scope.Newest(services.GetRequiredService<ArticleQueries>(), FeedWriter.ItemCount)
            .WithShownParts()
            .ToListAsync(ct);

        if (articles.Count > 0)
        {
            var lastModified = FeedWriter.LastChanged(articles);
            http.Response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
            if (http.Request.GetTypedHeaders().IfModifiedSince is { } since && lastModified <= since.AddSeconds(1)
                && http.Request.Headers.IfNoneMatch.Count == 0)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }
        var origin = http.PublicOrigin();
        var feed = FeedWriter.Build(articles, scope, site, origin, atom, PictureSizes(articles, services.GetRequiredService<IMediaStore>()));
        http.Response.ContentType = atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
        await FeedWriter.WriteAsync(feed, atom, http.Response.Body, ct);
        return Results.Empty;
    }
}