using System.Diagnostics;

using Herald.Articles;
using Herald.Bench.Corpus;
using Herald.Hosting;
using Herald.Media;
using Herald.Site;
using Herald.Storage;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/corpus -- --db "Data Source=/tmp/x.db" --articles 10000 [--seed 1] [--batch 500]
const string Usage = "Usage: herald-corpus --db CONNECTION [--articles N] [--seed S] [--batch B]";

var options = ReadOptions(args);
if (options is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var (connection, total, seed, batchSize) = options.Value;

try
{
    var database = DatabaseConnection.Parse(connection);
    await using var services = new ServiceCollection().AddLogging().AddHeraldStorage(database, DatabaseWorkload.Bulk).BuildServiceProvider();
    await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
    if (await db.Articles.AnyAsync())
    {
        // Slugs are unique per site, and a bench wants a known corpus: refuse rather than mix.
        Console.Error.WriteLine($"herald-corpus: {database.Describe()} already has articles; give it an empty database.");
        return 1;
    }

    var random = new Random(seed);
    var newsroom = Newsroom.Create(random);
    db.Categories.AddRange(newsroom.Categories);
    db.Authors.AddRange(newsroom.Authors);
    db.Tags.AddRange(newsroom.Tags);
    if (!await db.SiteSettings.AnyAsync())
    {
        db.SiteSettings.Add(new SiteSettings { Title = "Herald Bench", Tagline = "Generated news for load tests", TimeZoneId = "Europe/Oslo" });
    }
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();

    // The same media folder `herald serve` uses for this --db, so the image URLs resolve.
    var media = new LocalMediaStore(new ServeOptions { Database = database }.MediaFolder);
    var images = await BenchImages.SaveAsync(media, CancellationToken.None);
    var newest = DateTime.UtcNow.AddHours(-1);
    var factory = new ArticleFactory(newsroom, images, random, total, newest);
    var writer = new CorpusWriter(db, new ArticleBody([new MarkdownRenderer()]), newsroom, batchSize);

    Console.Error.WriteLine($"Generating {total} articles into {database.Describe()} (seed {seed}, batches of {batchSize})");
    var clock = Stopwatch.StartNew();
    var timings = await writer.WriteAsync(factory, total, CancellationToken.None);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(
        $"Inserted {total} articles in {seconds:F1} s: {total / seconds:F0} articles/s " +
        $"(generating and rendering {timings.Generating.TotalSeconds:F1} s, saving {timings.Saving.TotalSeconds:F1} s)");
    return 0;
}
catch (DatabaseConfigurationException e)
{
    Console.Error.WriteLine($"herald-corpus: {e.Message}");
    return 1;
}

static (string Db, int Articles, int Seed, int Batch)? ReadOptions(string[] args)
{
    string? db = null;
    int articles = 10_000, seed = 1, batch = 500;
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        var ok = args[i] switch
        {
            "--db" => (db = args[i + 1]) is not null,
            "--articles" => int.TryParse(args[i + 1], out articles) && articles > 0,
            "--seed" => int.TryParse(args[i + 1], out seed),
            "--batch" => int.TryParse(args[i + 1], out batch) && batch > 0,
            _ => false,
        };
        if (!ok)
        {
            return null;
        }
    }
    return db is null || args.Length % 2 != 0 ? null : (db, articles, seed, batch);
}