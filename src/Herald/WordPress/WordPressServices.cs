using Herald.Articles;

namespace Herald.WordPress;

public static class WordPressServices
{
    /// <summary>What the WordPress feature brings to every Herald: the renderer of imported HTML bodies.</summary>
    public static IServiceCollection AddWordPress(this IServiceCollection services)
    {
        services.AddSingleton<IBodyRenderer, ImportedHtmlRenderer>();
        services.AddScoped<RestApi.WpAuthentication>();
        return services;
    }
}