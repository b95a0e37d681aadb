using Herald.Articles.Writing;

namespace Herald.Articles;

public static class ArticleServices
{
    /// <summary>Articles' own services: the Markdown renderer, the body renderer registry, the public reads and the write pipeline.</summary>
    public static IServiceCollection AddHeraldArticles(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<IBodyRenderer>(provider => provider.GetRequiredService<MarkdownRenderer>());
        services.AddSingleton<ArticleBody>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArticlePipeline>();
        services.AddSingleton<Protection.PostPasswords>();
        return services;
    }
}