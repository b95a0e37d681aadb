using Herald.Discovery.Feeds;
using Herald.Discovery.Related;
using Herald.Discovery.Search;
using Herald.Discovery.Sitemaps;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Discovery;

public static class DiscoveryServices
{
    /// <summary>Search result pages: one cached copy per query string, evicted with the rest of the site.</summary>
    public const string SearchPage = "search-page";

    /// <summary>Feeds and sitemaps: machine-read lists that change whenever an article is published or edited.</summary>
    public const string FeedPolicy = "feed";

    public static IServiceCollection AddHeraldDiscovery(this IServiceCollection services, DatabaseConnection database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddScoped<ISearchIndex, SqliteSearchIndex>();
        }
        else
        {
            services.AddScoped<ISearchIndex, PostgresSearchIndex>();
        }
        services.AddSingleton(new SitemapOptions());
        services.AddScoped<RelatedCandidates>();
        services.AddScoped<ArticleIndexer>();
        services.AddScoped<Herald.Articles.IArticleChangeHandler, RelatedChangeHandler>();
        services.AddScoped<RelatedArticlesService>();
        services.AddScoped<SitemapSource>();
        services.Configure<OutputCacheOptions>(cache =>
        {
            cache.AddPolicy(SearchPage, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .Tag(CacheTags.Site));
            cache.AddPolicy(FeedPolicy, policy => policy
                .Expire(TimeSpan.FromMinutes(30))
                .Tag(CacheTags.Site, CacheTags.Feeds));
        });
        return services;
    }

    public static void MapHeraldDiscovery(this IEndpointRouteBuilder app, RouteGroupBuilder newsroom)
    {
        app.MapHeraldFeeds();
        app.MapHeraldSitemaps();
        newsroom.MapRelatedNewsroom();
    }
}