using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Export;

namespace Herald.Tests.WordPress.Export;

/// <summary>The demo site plus <see cref="ExportScenario"/>, exported once to a real file the tests read back.</summary>
public sealed class ExportedSiteFixture : SqliteSiteFixture, IAsyncLifetime
{
    public const string SiteUrl = "https://news.example.org";

    private readonly TempFolder output = new("herald-export");

    public ScenarioIds Ids { get; private set; } = null!;
    public string ExportPath => Path.Combine(output.Path, "site.wordpress.xml");
    public WxrExportSummary Summary { get; private set; } = null!;
    public WxrFile File { get; private set; } = null!;
    public string OutputFolder => output.Path;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var server = RequireServer();
        Ids = await ExportScenario.SeedAsync(server);
        await using var scope = server.Services.CreateAsyncScope();
        var exporter = new WxrExporter(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), TimeProvider.System);
        Summary = await exporter.ExportAsync(ExportPath, WxrSite.TryParse(SiteUrl, out _)!, CancellationToken.None);
        File = WxrFile.Load(ExportPath);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        output.Dispose();
    }
}