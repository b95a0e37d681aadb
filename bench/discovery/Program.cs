using System.Diagnostics;
using Herald.Articles;
using Herald.Bench.Discovery;
using Herald.Discovery.Related;
using Herald.Discovery.Search;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: herald-bench-discovery --db CONNECTION [--queries 300] [--publishes 40] [--only search|related|sitemaps] [--profile]
var options = Arguments.Parse(args);
var database = DatabaseConnection.Parse(options.Db);
var app = HeraldServer.Build(new ServeOptions { Database = database, Urls = "http://127.0.0.1:0", OutputCache = false }, quiet: true);
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
HeraldDbContext Open() => app.Services.CreateScope().ServiceProvider.GetRequiredService<HeraldDbContext>();

await using (var db = Open())
{
    var articles = await db.Articles.CountAsync();
    Console.WriteLine($"# {database.Describe()}: {articles:N0} articles, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    if (!await db.IndexedArticles.AnyAsync())
    {
        var started = Stopwatch.GetTimestamp();
        await RelatedBackfill.RunAsync(Open, CancellationToken.None);
        Console.WriteLine($"related-term backfill: {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s (one-off, not a publish cost)");
    }
}

var profile = options.Profile ? SqlProfile.Start() : null;
var random = new Random(7);
if (options.Runs("search"))
{
    var queries = await QueryMix.BuildAsync(Open(), random, options.Queries);
    foreach (var warm in queries.Take(20))
    {
        await SearchAsync(warm.Text, warm.Category);
    }
    var searchTimes = new Dictionary<string, List<double>>();
    profile?.Recording = true;
    foreach (var query in queries)
    {
        var started = Stopwatch.GetTimestamp();
        var total = await SearchAsync(query.Text, query.Category);
        (searchTimes.TryGetValue(query.Kind, out var list) ? list : searchTimes[query.Kind] = []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine($"search ({queries.Count} queries, page 1 with count and snippets): {Stats.Line(searchTimes.Values.SelectMany(t => t))}");
    foreach (var (kind, times) in searchTimes.OrderBy(k => k.Key))
    {
        Console.WriteLine($"  {kind,-22} {Stats.Line(times)}");
    }
    profile?.Recording = false;
    profile?.Print("searches");
    profile?.Reset();
}

if (options.Runs("related"))
{
    var ids = await Open().Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
    var edits = new List<double>();
    foreach (var id in Enumerable.Range(0, options.Publishes).Select(_ => ids[random.Next(ids.Count)]))
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.FirstAsync(a => a.Id == id);
        var started = Stopwatch.GetTimestamp();
        profile?.Recording = true;
        await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexAsync(article);
        profile?.Recording = false;
        edits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine($"related on edit ({edits.Count} re-indexed articles): {Stats.Line(edits)}");
    profile?.Print("edits");
    profile?.Reset();

    var publishes = new List<double>();
    for (var i = 0; i < options.Publishes; i++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var sourceId = ids[random.Next(ids.Count)];
        var source = await db.Articles.AsNoTracking().Include(a => a.Tags).FirstAsync(a => a.Id == sourceId);
        var article = new Article
        {
            Slug = $"bench-{Guid.NewGuid():N}",
            Headline = source.Headline,
            Dek = source.Dek,
            BodySource = source.BodySource,
            BodyHtml = source.BodyHtml,
            Status = ArticleStatus.Published,
            PublishedAt = DateTime.UtcNow.AddMinutes(-i),
            CreatedAt = DateTime.UtcNow,
            PrimaryCategoryId = source.PrimaryCategoryId,
            Tags = await db.Tags.Where(t => source.Tags.Select(s => s.Id).Contains(t.Id)).ToListAsync(),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        var started = Stopwatch.GetTimestamp();
        profile?.Recording = true;
        await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexAsync(article);
        profile?.Recording = false;
        publishes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine($"related on publish ({publishes.Count} new articles): {Stats.Line(publishes)}");
    profile?.Print("publishes");
}

if (options.Runs("sitemaps"))
{
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    using var client = new HttpClient { BaseAddress = new Uri(address) };
    // Twice: the first pass includes the process's first requests (JIT, EF query compilation,
    // cold pages); the second is what a crawler fetching the files again meets.
    foreach (var pass in new[] { "", " (again)" })
    {
        foreach (var path in new[] { "/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/tags-1.xml", "/news-sitemap.xml" })
        {
            Console.WriteLine($"{path + pass,-34} {await SitemapProbe.MeasureAsync(client, path)}");
        }
    }
    await app.StopAsync();
}

async Task<int> SearchAsync(string text, string? category)
{
    await using var scope = app.Services.CreateAsyncScope();
    var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
    var results = await index.SearchAsync(new SearchRequest(SearchQuery.Parse(text), 1, 10, category), CancellationToken.None);
    return results.Hits.TotalCount;
}

internal sealed record Arguments(string Db, int Queries, int Publishes, string? Only, bool Profile)
{
    /// <summary>Whether this part of the bench runs: all of them unless --only names one.</summary>
    public bool Runs(string part) => Only is null || Only == part;

    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Arguments(
            Value("--db") ?? throw new ArgumentException("--db CONNECTION is required"),
            int.Parse(Value("--queries") ?? "300", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--publishes") ?? "40", System.Globalization.CultureInfo.InvariantCulture),
            Value("--only"),
            args.Contains("--profile"));
    }
}