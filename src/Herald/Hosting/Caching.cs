using Herald.Articles;
using Herald.Hosting.Redis;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Hosting;

/// <summary>
/// The output-cache policies, in one place: how long each kind of answer is kept, what it varies
/// by and the tag every one of them carries (<see cref="CacheTags.Site"/>), so that one eviction
/// can always reach all of them. Every policy also keeps one copy per <see cref="PageEncoding"/>,
/// stored already compressed by <see cref="StoredPageCompression"/>; a tag reaches every copy.
/// </summary>
public static class Caching
{
    /// <summary>Every public page (articles, lists, topic pages, comment feeds): 30 minutes, per ?page=.</summary>
    public const string PublicPage = "public-page";

    /// <summary>Search result pages: one cached copy per query string.</summary>
    public const string SearchPage = "search-page";

    /// <summary>Feeds and sitemaps: machine-read lists that change whenever an article is published or edited.</summary>
    public const string Feed = "feed";

    /// <summary>The WordPress-compatible REST API under /wp-json, one copy per query string.</summary>
    public const string WordPressApi = "wp-api";

    public static IServiceCollection AddHeraldCaching(this IServiceCollection services, ServeOptions options)
    {
        services.AddOutputCache(cache =>
        {
            // Counted in the bytes of each stored page (what the memory store charges an entry);
            // a Redis store ignores it.
            cache.SizeLimit = options.PageCacheBytes;
            cache.AddPolicy(PublicPage, policy => policy
                .AddPolicy<Articles.Protection.UnlockedReaderPolicy>()
                .Expire(TimeSpan.FromMinutes(30))
                .SetVaryByQuery("page")
                .VaryByValue(PageEncoding.VaryRule)
                .Tag(CacheTags.Site));
            cache.AddPolicy(SearchPage, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .VaryByValue(PageEncoding.VaryRule)
                .Tag(CacheTags.Site, CacheTags.Search));
            cache.AddPolicy(Feed, policy => policy
                .Expire(TimeSpan.FromMinutes(30))
                .VaryByValue(PageEncoding.VaryRule)
                .Tag(CacheTags.Site, CacheTags.Feeds));
            cache.AddPolicy(WordPressApi, policy => policy
                .AddPolicy<Articles.Protection.UnlockedReaderPolicy>()
                .Expire(TimeSpan.FromMinutes(30))
                .SetVaryByQuery("*")
                .VaryByValue(PageEncoding.VaryRule)
                .Tag(CacheTags.Site, CacheTags.WordPressApi));
        });
        if (options.Redis is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(o => o.InstanceName = "herald:");
            services.AddHeraldRedis(redis);
        }
        services.AddSingleton(provider => new FrontPages(provider.GetRequiredService<TimeProvider>(), options.FrontPageBytes));
        Invalidation.FreshPageStore.Decorate(services);
        services.AddSingleton<CacheEvictor>();
        services.AddSingleton<Invalidation.JournalBell>();
        services.AddSingleton<Invalidation.JournalFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<Invalidation.JournalFollower>());
        services.AddScoped<Invalidation.SiteWriter>();
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

/// <summary>
/// The names of cache tags, in one place so writers and pages agree. A tag names something shown
/// (pages carry it) or something kept in memory (<see cref="IInvalidationListener"/>s watch it);
/// writes declare the tags they affect and <see cref="Invalidation.SiteWriter"/> evicts them.
/// </summary>
public static class CacheTags
{
    /// <summary>Everything cached: every policy tags its answers with it, and the site snapshot follows it.</summary>
    public const string Site = "site";
    public const string Home = "home";
    public const string Feeds = "feeds";

    /// <summary>Every answer of the WordPress-compatible REST API (/wp-json): lists there show any article.</summary>
    public const string WordPressApi = "wp-api";

    /// <summary>
    /// Search result pages: any article write may change which stories a query finds and what
    /// their hits show (a new story, a trashed one, a password set), so every article write evicts them.
    /// </summary>
    public const string Search = "search";

    /// <summary>The site-wide comments feed.</summary>
    public const string CommentsFeed = "comments";

    /// <summary>The names Understanding already knows (kept in memory, not a page).</summary>
    public const string KnownEntities = "known-entities";

    /// <summary>The old WordPress addresses that redirect (kept in memory, not a page): a write adding one declares it.</summary>
    public const string LegacyRedirects = "legacy-redirects";

    public static string Article(int id) => $"article:{id}";
    public static string Category(string slug) => $"category:{slug}";
    public static string Tag(string slug) => $"tag:{slug}";
    public static string Author(string slug) => $"author:{slug}";
    public static string Month(int year, int month) => $"month:{year:D4}-{month:D2}";

    /// <summary>The topic page of a person, organisation or place.</summary>
    public static string Topic(int entityId) => $"entity:{entityId}";

    /// <summary>Every page that shows the article: itself, home, its archives, search results, feeds and the WordPress API.</summary>
    public static IEnumerable<string> AffectedBy(Article article, TimeZoneInfo zone)
    {
        yield return Article(article.Id);
        yield return Home;
        yield return Feeds;
        yield return WordPressApi;
        yield return Search;
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

    /// <summary>The pages showing the article as it is now; none when readers cannot see it.</summary>
    public static IReadOnlyCollection<string> ShowingNow(Article article, TimeZoneInfo zone, DateTime nowUtc) =>
        PublicArticles.IsPublic(article, nowUtc) ? AffectedBy(article, zone).ToList() : [];
}

/// <summary>Something a process keeps in memory that a write can make stale (the site snapshot, say).</summary>
public interface IInvalidationListener
{
    /// <summary>Called after a write committed, here or in another process, with the tags it affected.</summary>
    void OnInvalidated(IReadOnlyCollection<string> tags);
}

/// <summary>
/// Evicts, in this process, what carries the given tags: cached pages (from the output cache store,
/// shared by every node when it is Redis) and in-memory copies. Writers do not call it directly:
/// <see cref="Invalidation.SiteWriter"/> does after their commit, and <see cref="Invalidation.JournalFollower"/>
/// for writes made by other processes.
/// </summary>
public sealed class CacheEvictor(IOutputCacheStore store, IEnumerable<IInvalidationListener> listeners)
{
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        var distinct = tags.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }
        foreach (var listener in listeners)
        {
            listener.OnInvalidated(distinct);
        }
        foreach (var tag in distinct)
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}