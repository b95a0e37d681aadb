using Herald.Articles.Writing;
using Herald.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Understanding;

public static class UnderstandingServices
{
    public static IServiceCollection AddHeraldUnderstanding(this IServiceCollection services)
    {
        services.AddScoped<ArticleUnderstanding>();
        services.AddScoped<IArticleChangeHandler, UnderstandingChangeHandler>();
        services.AddScoped<TopicQueries>();
        services.AddScoped<Corrections.EntityCorrections>();
        services.AddScoped<Corrections.EntitySplitter>();
        services.AddSingleton<KnownEntityCache>();
        // Sees every transaction end, so that an import's names go on to its next batch only after a commit.
        services.AddSingleton<CarriedNames>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<CarriedNames>());
        services.AddSingleton<IInvalidationListener>(provider => provider.GetRequiredService<KnownEntityCache>());
        return services;
    }

}