namespace Herald.Hosting;

public static class PageConventions
{
    /// <summary>Pages live in their feature folders (Articles/Pages, Site, ...), not in one Pages/ tree.</summary>
    public static IServiceCollection AddHeraldPages(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/");
        return services;
    }
}