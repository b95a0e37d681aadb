using System.Net;
using Herald.Demo;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A real Herald on a free loopback port: Kestrel, the real pipeline and a real database.
/// Tests talk to it over HTTP exactly as a browser or a feed reader would.
/// </summary>
public sealed class HeraldTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private HeraldTestServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// A demo site that starts as a copy of the one seeded once for the run (<see cref="DemoDatabases"/>):
    /// the same articles, people and pictures in a fraction of the time. Tests that watch seeding
    /// itself (a change handler that must see it, say) use <see cref="StartAsync"/> with demo instead.
    /// </summary>
    public static async Task<HeraldTestServer> StartDemoCopyAsync(DatabaseConnection database, bool outputCache = true,
        Action<IServiceCollection>? configureServices = null, Func<ServeOptions, ServeOptions>? adjust = null)
    {
        var copied = await DemoDatabases.CopyIntoAsync(database);
        return await StartAsync(database, demo: !copied, outputCache, configureServices, adjust);
    }

    public static async Task<HeraldTestServer> StartAsync(DatabaseConnection database, bool demo = true,
        bool outputCache = true, Action<IServiceCollection>? configureServices = null, Func<ServeOptions, ServeOptions>? adjust = null)
    {
        var options = new ServeOptions
        {
            Database = database,
            Urls = "http://127.0.0.1:0",
            OutputCache = outputCache,
        };
        options = adjust?.Invoke(options) ?? options;
        var app = HeraldServer.Build(options, configureServices, quiet: true);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync(CancellationToken.None);
        }
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => options.MetricsPort is not { } metrics || new Uri(a).Port != metrics);
        return new HeraldTestServer(app, new Uri(bound));
    }

    /// <summary>The public address of an article, as the site writes it (year and month in the site's zone).</summary>
    public async Task<string> UrlOfAsync(string slug)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var published = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Articles.Where(a => a.Slug == slug).Select(a => a.PublishedAt!.Value));
        var zone = (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;
        return Herald.Articles.ArticleUrls.For(published, slug, zone);
    }

    /// <summary>A client that does not follow redirects, so tests can see 301s.</summary>
    public HttpClient CreateClient(bool decompress = true) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
    })
    {
        BaseAddress = Address,
    };

    /// <summary>
    /// Stops serving and waits for background work (the scheduler) to finish, leaving the
    /// services readable, so a test can check what happened once nothing else can happen.
    /// </summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}