using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Export;

namespace Herald.Tests.WordPress.Export;

/// <summary>`herald export wxr` as an operator runs it, and the ways it refuses bad input or fails safely.</summary>
[Trait("Tier", "Slow")]
public sealed class ExportCommandTests(ExportedSiteFixture site) : IClassFixture<ExportedSiteFixture>
{
    private string Database => $"Data Source={site.RequireServer().Services.GetRequiredService<DatabaseConnection>().SqliteFile}";

    [Fact]
    public async Task Export_writes_the_file_and_prints_a_summary()
    {
        var path = Path.Combine(site.OutputFolder, "cli.xml");

        var (exit, output, errors) = await HeraldProcess.RunAsync("export", "wxr", path, "--site-url", "https://news.example.org/", "--db", Database);

        Assert.True(exit == 0, errors);
        Assert.Matches(@"Exported \d+ stories, 1 pages, \d+ attachments, 5 comments, 6 authors, 8 categories and \d+ tags to .*cli\.xml \(\d+\.\d MB\) in \d+\.\d s\.", output);
        var file = WxrFile.Load(path);
        Assert.Equal("https://news.example.org", file.Channel.Element(WxrFile.Wp + "base_site_url")!.Value);
        Assert.Equal(site.File.Items.Count, file.Items.Count);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public async Task Without_a_site_url_links_use_herald_s_default_address_and_say_so()
    {
        var path = Path.Combine(site.OutputFolder, "default-url.xml");

        var (exit, output, errors) = await HeraldProcess.RunAsync("export", "wxr", path, "--db", Database);

        Assert.True(exit == 0, errors);
        Assert.Contains("give --site-url", output);
        Assert.Equal(WxrSite.DefaultUrl, WxrFile.Load(path).Channel.Element("link")!.Value);
    }

    [Theory]
    [InlineData("export", "export knows one format", 2)]
    [InlineData("export wxr", "needs a file to write", 2)]
    [InlineData("export json out.json", "export knows one format", 2)]
    [InlineData("export wxr a.xml b.xml", "one word too many", 2)]
    [InlineData("export wxr a.xml --site-url ftp://example.org", "is not an http or https address", 2)]
    [InlineData("export wxr a.xml --site-url https://example.org/?x=1", "without a query", 2)]
    [InlineData("export wxr a.xml --format rss", "Unknown option --format", 2)]
    public async Task Bad_arguments_are_refused_with_one_clear_line(string arguments, string message, int expectedExit)
    {
        using var folder = new TempFolder();
        var args = arguments.Split(' ').ToList();
        args.AddRange(["--db", $"Data Source={Path.Combine(folder.Path, "h.db")}"]);

        var (exit, _, errors) = await HeraldProcess.RunAsync([.. args]);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, errors);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_missing_database_is_named_and_not_created()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "nothing-here.db");

        var (exit, _, errors) = await HeraldProcess.RunAsync("export", "wxr", Path.Combine(folder.Path, "out.xml"), "--db", $"Data Source={database}");

        Assert.Equal(2, exit);
        Assert.Contains($"There is no database at {database}", errors);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_one_clear_line()
    {
        var (exit, _, errors) = await HeraldProcess.RunAsync("export", "wxr", "/nonexistent-herald-folder/out.xml", "--db", Database);

        Assert.Equal(1, exit);
        Assert.Contains("herald: Cannot write /nonexistent-herald-folder/out.xml: the folder /nonexistent-herald-folder does not exist.", errors);
    }

    [Fact]
    public async Task A_failed_export_leaves_the_previous_file_untouched_and_no_half_file()
    {
        var path = Path.Combine(site.OutputFolder, "previous.xml");
        await File.WriteAllTextAsync(path, "the export of yesterday");
        await using var scope = site.RequireServer().Services.CreateAsyncScope();
        var exporter = new WxrExporter(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.ExportAsync(path, WxrSite.Default, cancelled.Token));

        Assert.Equal("the export of yesterday", await File.ReadAllTextAsync(path));
        Assert.False(File.Exists(path + ".tmp"));
    }
}