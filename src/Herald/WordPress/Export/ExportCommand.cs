using System.Diagnostics;
using Herald.Hosting;
using Herald.Storage;

namespace Herald.WordPress.Export;

/// <summary>`herald export wxr FILE [--site-url URL] [--db CONNECTION]`: the whole site as a WordPress export file.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(CommandLineArguments args)
    {
        args.AllowOnly("db", "site-url");
        if (args.Words.ElementAtOrDefault(1) != "wxr")
        {
            throw new CommandLineException("export knows one format: herald export wxr FILE [--site-url URL] [--db CONNECTION].");
        }
        var path = args.Words.ElementAtOrDefault(2)
            ?? throw new CommandLineException("export wxr needs a file to write: herald export wxr FILE [--site-url URL] [--db CONNECTION].");
        if (args.Words.Count > 3)
        {
            throw new CommandLineException($"export wxr writes one file; \"{args.Words[3]}\" is one word too many.");
        }
        var site = WxrSite.Default;
        if (args.Get("site-url") is { } siteUrl)
        {
            site = WxrSite.TryParse(siteUrl, out var error) ?? throw new CommandLineException(error);
        }

        var database = DatabaseConnection.Resolve(args.Get("db"));
        // Exporting must not create an empty database where the operator mistyped a path.
        if (database.SqliteFile is { } file && !File.Exists(file))
        {
            throw new CommandLineException($"There is no database at {file}.");
        }

        await using var app = HeraldServer.Build(new ServeOptions { Database = database, Workload = DatabaseWorkload.Bulk }, quiet: true);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var exporter = new WxrExporter(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var summary = await exporter.ExportAsync(path, site, CancellationToken.None);
        Console.WriteLine(
            $"Exported {summary.Stories:N0} stories, {summary.Pages:N0} pages, {summary.Attachments:N0} attachments, " +
            $"{summary.Comments:N0} comments, {summary.Authors:N0} authors, {summary.Categories:N0} categories and {summary.Tags:N0} tags " +
            $"to {path} ({summary.Bytes / 1024.0 / 1024.0:N1} MB) in {clock.Elapsed.TotalSeconds:N1} s.");
        if (args.Get("site-url") is null)
        {
            Console.WriteLine($"Links point to {WxrSite.DefaultUrl}; give --site-url with the site's public address for an import into WordPress.");
        }
        return 0;
    }
}