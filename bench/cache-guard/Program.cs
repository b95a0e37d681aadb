using System.Diagnostics;
using System.Globalization;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

// Times FreshPageStore.WrittenSinceAsync, the one journal read the guard adds when a page is
// stored: with no newer row (the usual case) and with a few newer rows of other pages' tags
// (a busy newsroom), over a journal holding ROWS rows.
//   dotnet run -c Release --project bench/cache-guard -- [--db CONNECTION] [--rows N] [--calls N]
var db = Arg("--db") ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"herald-guard-{Guid.NewGuid():N}.db")}";
var rows = int.Parse(Arg("--rows") ?? "5000", CultureInfo.InvariantCulture);
var calls = int.Parse(Arg("--calls") ?? "5000", CultureInfo.InvariantCulture);

await using var app = HeraldServer.Build(new ServeOptions { Database = DatabaseConnection.Parse(db) }, quiet: true);
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
long last;
await using (var scope = app.Services.CreateAsyncScope())
{
    var context = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
    for (var i = 0; i < rows; i++)
    {
        context.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = $"article:{i} home feeds wp-api category:news month:2026-12" });
    }
    await context.SaveChangesAsync();
    last = context.Set<CacheInvalidation>().Max(e => e.Id);
}
var store = (FreshPageStore)app.Services.GetRequiredService<IOutputCacheStore>();
string[] page = [CacheTags.Site, CacheTags.Article(999_999), CacheTags.Category("sport")];

foreach (var (name, position) in new[] { ("no newer row", last), ("5 newer rows, other pages", last - 5) })
{
    for (var i = 0; i < 200; i++)
    {
        await store.WrittenSinceAsync(position, page, CancellationToken.None); // warm-up
    }
    var times = new double[calls];
    for (var i = 0; i < calls; i++)
    {
        var start = Stopwatch.GetTimestamp();
        if (await store.WrittenSinceAsync(position, page, CancellationToken.None))
        {
            throw new InvalidOperationException("The guard found a write to the page where there is none.");
        }
        times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{DatabaseConnection.Parse(db).Provider}, {rows} journal rows, {name}: mean {times.Average():0} µs, p50 {times[calls / 2]:0} µs, p99 {times[calls * 99 / 100]:0} µs"));
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;