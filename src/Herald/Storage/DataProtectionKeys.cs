using Microsoft.AspNetCore.DataProtection;

namespace Herald.Storage;

/// <summary>
/// Data Protection (sign-in cookies, anti-forgery tokens, remembered commenters and browsers)
/// keeps its key ring in the site's database, so every node of a site reads and writes the same
/// keys and a value protected on one node is read on any other.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>
    /// Every node names the application the same, wherever it is installed: by default ASP.NET
    /// Core isolates payloads per install folder, which would keep two nodes apart.
    /// </summary>
    public const string ApplicationName = "Herald";

    public static IServiceCollection AddHeraldDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HeraldDbContext>();
        return services;
    }

    /// <summary>
    /// Makes sure the key ring has a key before the node serves: a node started after the first
    /// one then finds that key instead of making one of its own beside it.
    /// </summary>
    public static void EnsureKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Herald.Storage.KeyCheck").Protect("ready");
}