using Herald.Articles;
using Herald.Hosting.Redis;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Hosting;

public static class Caching
{
    /// <summary>The output-cache policy of every public page.</summary>
    public const string PublicPage = "public-page";

    public static IServiceCollection AddHeraldCaching(this IServiceCollection services, ServeOptions options)
    {
        services.AddOutputCache(cache =>
        {
            cache.AddPolicy(PublicPage, policy => policy
                .Expire(TimeSpan.FromMinutes(30))
                .SetVaryByQuery("page")
                .Tag(CacheTags.Site));
        });
        if (options.Redis is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(o => o.InstanceName = "herald:");
            services.AddHeraldRedis(redis);
        }
        services.AddSingleton<CacheEvictor>();
        return services;
    }

    /// <summary>Labels the response being cached so a later write can evict exactly it.</summary>
    public static void TagResponse(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}

/// <summary>The names of cache tags, in one place so writers and pages agree.</summary>
public static class CacheTags
{
    public const string Site = "site";
    public const string Home = "home";
    public const string Feeds = "feeds";

    /// <summary>Every answer of the WordPress-compatible REST API (/wp-json): lists there show any article.</summary>
    public const string WordPressApi = "wp-api";

    public static string Article(int id) => $"article:{id}";
    public static string Category(string slug) => $"category:{slug}";
    public static string Tag(string slug) => $"tag:{slug}";
    public static string Author(string slug) => $"author:{slug}";
    public static string Month(int year, int month) => $"month:{year:D4}-{month:D2}";

    /// <summary>Every page that shows the article: itself, home, its archives, feeds and the WordPress API.</summary>
    public static IEnumerable<string> AffectedBy(Article article, TimeZoneInfo zone)
    {
        yield return Article(article.Id);
        yield return Home;
        yield return Feeds;
        yield return WordPressApi;
        foreach (var category in article.Categories)
        {
            yield return Category(category.Slug);
        }
        if (article.PrimaryCategory is { } primary)
        {
            yield return Category(primary.Slug);
        }
        foreach (var tag in article.Tags)
        {
            yield return Tag(tag.Slug);
        }
        foreach (var byline in article.Authors)
        {
            yield return Author(byline.Author.Slug);
        }
        if (article.PublishedAt is { } at)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            yield return Month(local.Year, local.Month);
        }
    }
}

/// <summary>Evicts cached pages by tag; the newsroom and moderation call it after each write.</summary>
public sealed class CacheEvictor(IOutputCacheStore store)
{
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags.Distinct())
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}