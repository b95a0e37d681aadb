using System.Net;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// An API request costs a fixed number of queries however many items it lists or embeds
/// (no query per post, author, term or comment). The cache is off so every request reaches the database.
/// </summary>
public sealed class WpQueryCountTests : IAsyncLifetime
{
    private readonly TempFolder folder = new("herald-wp-queries");
    private readonly QueryCounter counter = new();
    private HeraldTestServer server = null!;

    public async Task InitializeAsync()
    {
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        server = await HeraldTestServer.StartDemoCopyAsync(database, outputCache: false,
            configureServices: counter.AddTo);
        await WpSeed.CreateAsync(server);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Theory]
    [InlineData("posts?_embed&per_page={0}")]
    [InlineData("posts?search=the&orderby=relevance&per_page={0}")]
    [InlineData("posts?include=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20&orderby=include&per_page={0}")]
    [InlineData("comments?per_page={0}")]
    [InlineData("tags?per_page={0}")]
    [InlineData("users?per_page={0}")]
    [InlineData("media?per_page={0}")]
    [InlineData("search?search=the&per_page={0}")]
    public async Task A_longer_page_costs_no_more_queries(string route)
    {
        using var client = server.CreateClient();
        await client.GetAsync(WpApi.Root + "posts"); // warm the site snapshot, which is cached in memory

        var few = await CountAsync(client, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, 2));
        var fewLog = counter.Log;
        var many = await CountAsync(client, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, 20));

        Assert.InRange(few, 1, 12);
        Assert.True(few == many, $"{few} queries:\n{fewLog}\n\n{many} queries:\n{counter.Log}");
    }

    private async Task<int> CountAsync(HttpClient client, string route)
    {
        counter.Reset();
        var response = await client.GetAsync(WpApi.Root + route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counter.Count;
    }
}