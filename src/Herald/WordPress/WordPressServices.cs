using Herald.Articles;

namespace Herald.WordPress;

public static class WordPressServices
{
    /// <summary>What the WordPress feature brings to every Herald: the renderer of imported HTML bodies, the index of old addresses.</summary>
    public static IServiceCollection AddWordPress(this IServiceCollection services)
    {
        services.AddSingleton<IBodyRenderer, ImportedHtmlRenderer>();
        services.AddSingleton<Redirects.LegacyRedirectIndex>();
        services.AddSingleton<Hosting.IInvalidationListener>(provider => provider.GetRequiredService<Redirects.LegacyRedirectIndex>());
        services.AddScoped<RestApi.WpAuthentication>();
        return services;
    }
}