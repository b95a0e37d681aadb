using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Import;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// WordPress's theme unit test export imported once into a real SQLite file behind a real Herald
/// (the analysis phase included), shared by the tests of a class.
/// </summary>
public sealed class ThemeUnitTestImport : IAsyncLifetime
{
    /// <summary>In shared/testdata beside the checkout, or beside a folder above it (a git worktree's).</summary>
    public static readonly string ExportFile = FindExport();

    private readonly TempFolder folder = new("herald-wxr");

    public HeraldTestServer Server { get; private set; } = null!;
    public ImportReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RequiredService.SkipUnlessAvailable(File.Exists(ExportFile), $"the WordPress test export is not at {ExportFile}");
        Server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"), demo: false);
        Report = await ImportAsync(skipAnalysis: false);
    }

    public async Task<ImportReport> ImportAsync(bool skipAnalysis = true)
    {
        var importer = ActivatorUtilities.CreateInstance<WxrImporter>(Server.Services);
        return await importer.RunAsync(new WxrImportOptions(ExportFile, null, skipAnalysis), new ImportProgress(TextWriter.Null, terminal: false), CancellationToken.None);
    }

    private static string FindExport()
    {
        var relative = Path.Combine("shared", "testdata", "wordpress", "themeunittestdata.wordpress.xml");
        for (var folder = Directory.GetParent(RepositoryPaths.Root); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, relative)))
            {
                return Path.Combine(folder.FullName, relative);
            }
        }
        return Path.Combine(RepositoryPaths.Root, "..", relative);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}