using Herald.Hosting;
using Herald.Storage;

namespace Herald.WordPress.Import;

/// <summary>`herald import wxr FILE [--media DIR] [--skip-analysis] [--db CONNECTION]`.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLineArguments args)
    {
        args.AllowOnly("db", "media", "skip-analysis", "batch-size", Hosting.Configuration.ServeSettings.MediaStore.Flag);
        if (args.Words.ElementAtOrDefault(1) != "wxr")
        {
            throw new CommandLineException("import needs a format and a file: herald import wxr FILE [--media DIR] [--skip-analysis].");
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
        var batchSize = WxrImporter.DefaultBatchSize;
        if (args.Get("batch-size") is { } size && (!int.TryParse(size, out batchSize) || batchSize is < 1 or > 5000))
        {
            throw new CommandLineException("--batch-size takes a number from 1 to 5000.");
        }

        var options = new ServeOptions
        {
            Database = DatabaseConnection.Resolve(args.Get("db")),
            MemoryMappedReads = false,
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
            var report = await importer.RunAsync(new WxrImportOptions(file, media, args.Has("skip-analysis"), batchSize), progress, CancellationToken.None);
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
}