using Herald.Hosting;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>`herald import wxr FILE [--media DIR | --fetch-media [--fetch-timeout SECONDS]] [--skip-analysis] [--db CONNECTION]`.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLineArguments args)
    {
        args.AllowOnly("db", "media", "fetch-media", "fetch-timeout", "skip-analysis", "batch-size", Hosting.Configuration.ServeSettings.MediaStore.Flag);
        if (args.Words.ElementAtOrDefault(1) != "wxr")
        {
            throw new CommandLineException("import needs a format and a file: herald import wxr FILE [--media DIR | --fetch-media] [--skip-analysis].");
        }
        var file = args.Words.ElementAtOrDefault(2) ?? throw new CommandLineException("import wxr needs a file: herald import wxr FILE.");
        if (!File.Exists(file))
        {
            throw new CommandLineException($"There is no file {file}.");
        }
        var media = args.Get("media");
        if (media is not null && !Directory.Exists(media))
        {
            throw new CommandLineException($"There is no folder {media} for --media.");
        }
        var fetch = ReadFetchOptions(args, media);
        var batchSize = WxrImporter.DefaultBatchSize;
        if (args.Get("batch-size") is { } size && (!int.TryParse(size, out batchSize) || batchSize is < 1 or > 5000))
        {
            throw new CommandLineException("--batch-size takes a number from 1 to 5000.");
        }

        var options = new ServeOptions
        {
            Database = DatabaseConnection.Resolve(args.Get("db")),
            Workload = DatabaseWorkload.Bulk,
            // Pictures go where the serving nodes look for them.
            MediaStore = Hosting.Configuration.ServeSettings.ReadMediaStore(args, Environment.GetEnvironmentVariable),
        };
        if (options.MediaStore == Media.MediaStoreKind.Folder)
        {
            DatabaseInitializer.EnsureWritableFolder(options.MediaFolder);
        }
        await using var app = HeraldServer.Build(options, quiet: true);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var importer = ActivatorUtilities.CreateInstance<WxrImporter>(app.Services);
        var progress = ImportProgress.ForConsole();
        try
        {
            var report = await importer.RunAsync(new WxrImportOptions(file, media, args.Has("skip-analysis"), batchSize) { FetchMedia = fetch }, progress, CancellationToken.None);
            await RefreshPlannerStatisticsAsync(app.Services);
            progress.Finish();
            Console.WriteLine(report.Format(PeakMemory.Bytes()));
            Console.WriteLine("A Herald server running on this database shows the imported articles within a second or two.");
            return 0;
        }
        catch (WxrFormatException e)
        {
            progress.Finish();
            await Console.Error.WriteLineAsync($"herald: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// PostgreSQL plans from statistics that autovacuum gathers a while after large changes; a server
    /// started straight after a big import planned some page statements as walks of the whole archive
    /// until then (bench/RESULTS.md, after the neighbours fix). SQLite keeps no statistics here: its
    /// plans come from the indexes alone, and gathering some would change every plan.
    /// </summary>
    private static async Task RefreshPlannerStatisticsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    private static MediaFetchOptions? ReadFetchOptions(CommandLineArguments args, string? media)
    {
        if (!args.Has("fetch-media"))
        {
            if (args.Has("fetch-timeout"))
            {
                throw new CommandLineException("--fetch-timeout goes with --fetch-media.");
            }
            return null;
        }
        if (args.Get("fetch-media") is { Length: > 0 } value)
        {
            throw new CommandLineException($"--fetch-media takes no value (it was given \"{value}\"); the addresses come from the export.");
        }
        if (media is not null)
        {
            throw new CommandLineException("Choose one source of pictures: --media DIR (a copy of the uploads folder) or --fetch-media (download them).");
        }
        var options = new MediaFetchOptions();
        if (args.Get("fetch-timeout") is { } seconds)
        {
            if (!int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) || s is < 1 or > 300)
            {
                throw new CommandLineException("--fetch-timeout takes a number of seconds from 1 to 300.");
            }
            options = options with { Timeout = TimeSpan.FromSeconds(s) };
        }
        return options;
    }
}