using Herald.Discovery.Feeds;
using Herald.Discovery.Related;
using Herald.Discovery.Search;
using Herald.Discovery.Sitemaps;
using Herald.Storage;

namespace Herald.Discovery;

public static class DiscoveryServices
{
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
        services.AddScoped<Herald.Articles.Writing.IArticleChangeHandler, RelatedChangeHandler>();
        services.AddScoped<RelatedArticlesService>();
        services.AddScoped<SitemapSource>();
        return services;
    }

    public static void MapHeraldDiscovery(this IEndpointRouteBuilder app, RouteGroupBuilder newsroom)
    {
        app.MapHeraldFeeds();
        app.MapHeraldSitemaps();
        newsroom.MapRelatedNewsroom();
    }
}