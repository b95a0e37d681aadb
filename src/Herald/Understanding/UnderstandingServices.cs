using Herald.Articles;

namespace Herald.Understanding;

public static class UnderstandingServices
{
    public static IServiceCollection AddHeraldUnderstanding(this IServiceCollection services)
    {
        services.AddScoped<ArticleUnderstanding>();
        services.AddScoped<IArticleChangeHandler, UnderstandingChangeHandler>();
        services.AddScoped<TopicQueries>();
        services.AddSingleton<KnownEntityCache>();
        return services;
    }

}