using Herald.Articles.Writing;
using Herald.Hosting;

namespace Herald.Site.Breaking;

public static class BreakingNewsServices
{
    public static IServiceCollection AddBreakingNews(this IServiceCollection services)
    {
        services.AddSingleton<BreakingNewsState>();
        services.AddSingleton<IInvalidationListener>(provider => provider.GetRequiredService<BreakingNewsState>());
        services.AddScoped<BreakingNewsDesk>();
        services.AddScoped<IArticleChangeHandler, BreakingNewsChangeHandler>();
        services.AddHostedService<BreakingNewsExpiry>();
        return services;
    }
}