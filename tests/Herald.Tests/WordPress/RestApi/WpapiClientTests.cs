using System.Diagnostics;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Tests.Articles;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// A client written by others for WordPress — the npm package wpapi, installed by `npm ci` in
/// tests/tools — reads Herald: pages through posts with its paging helpers, filters by category
/// and search, and embeds authors. tests/tools/wpapi-client.js drives it and prints JSON.
/// </summary>
public sealed class WpapiClientTests(SqliteWpSite site) : IClassFixture<SqliteWpSite>
{
    private static readonly string Tools = Path.Combine(RepositoryPaths.Root, "tests", "tools");

    [SkippableFact]
    public async Task Wpapi_lists_pages_filters_and_embeds_authors()
    {
        RequiredService.SkipUnlessAvailable(HtmlValidityTests.Which("node") is not null, "Node.js is not installed; the wpapi client test needs it.");
        RequiredService.SkipUnlessAvailable(Directory.Exists(Path.Combine(Tools, "node_modules", "wpapi")),
            "The npm package wpapi is not installed; run `npm ci` in tests/tools.");
        var server = site.RequireServer();
        var seed = await site.SeedAsync();

        var result = await RunAsync(new Uri(server.Address, "/wp-json").ToString(), seed.CategoryId, "lighthouse");

        await using var scope = server.Services.CreateAsyncScope();
        var published = scope.ServiceProvider.GetRequiredService<ArticleQueries>().Published();
        var total = await published.CountAsync();
        var byDate = await published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id).Take(6).ToListAsync();

        var paging = result["paging"]!;
        Assert.Equal(total, (int)paging["total"]!);
        Assert.Equal((total + 1) / 2, (int)paging["totalPages"]!);
        Assert.True((bool)paging["hasNext"]!);
        Assert.True((bool)paging["hasPrev"]!);
        Assert.Equal(byDate[2..4], Ints(paging["ids"]));
        Assert.Equal(byDate[4..6], Ints(paging["nextIds"]));
        Assert.Equal(byDate[0..2], Ints(paging["prevIds"]));

        var inCategory = await published
            .Where(a => a.PrimaryCategoryId == seed.CategoryId || a.Categories.Any(c => c.Id == seed.CategoryId))
            .Select(a => a.Id).ToListAsync();
        Assert.Equal(inCategory.Order(), Ints(result["category"]!["ids"]).Order());
        Assert.All(result["category"]!["categories"]!.AsArray(), categories => Assert.Contains(seed.CategoryId, Ints(categories)));

        var found = Ints(result["search"]!["ids"]);
        Assert.Contains(seed.StoryId, found);
        Assert.Contains(seed.StickyId, found);
        Assert.DoesNotContain(seed.DraftId, found);

        var embedded = result["embed"]!.AsArray();
        Assert.Equal(3, embedded.Count);
        Assert.All(embedded, post =>
        {
            var authors = post!["authors"]!.AsArray();
            Assert.NotEmpty(authors);
            Assert.Equal((int)post["author"]!, (int)authors[0]!["id"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)authors[0]!["name"]));
        });
    }

    private static List<int> Ints(JsonNode? array) => array!.AsArray().Select(n => (int)n!).ToList();

    private static async Task<JsonNode> RunAsync(string endpoint, int category, string term)
    {
        var start = new ProcessStartInfo("node", ["wpapi-client.js", endpoint, category.ToString(System.Globalization.CultureInfo.InvariantCulture), term])
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"wpapi-client.js failed ({process.ExitCode}):\n{await stderr}");
        return JsonNode.Parse(await stdout)!;
    }
}