using Herald.Articles.Writing;
using Herald.Hosting;

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
        services.AddSingleton<IInvalidationListener>(provider => provider.GetRequiredService<KnownEntityCache>());
        return services;
    }

}