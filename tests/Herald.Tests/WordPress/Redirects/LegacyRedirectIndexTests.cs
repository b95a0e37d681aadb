using System.Diagnostics;
using System.Net;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.WordPress;
using Herald.WordPress.Redirects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.WordPress.Redirects;

/// <summary>
/// An address no redirect has answers Herald's 404 page without a database query once the index
/// of old addresses is loaded, and the index never stands in the way of a redirect: one added
/// after its address was asked for answers at once, here and on another node; one removed stops.
/// </summary>
public sealed class LegacyRedirectIndexTests : IAsyncLifetime
{
    private readonly TempFolder folder = new("herald-legacy-index");
    private readonly QueryCounter counter = new();
    private HeraldTestServer server = null!;

    private DatabaseConnection Database => DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");

    public async Task InitializeAsync() =>
        server = await HeraldTestServer.StartDemoCopyAsync(Database, configureServices: counter.AddTo);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task An_unknown_address_answers_the_same_404_page_without_a_query_once_the_index_is_loaded()
    {
        using var client = server.CreateClient();
        var first = await client.GetAsync("/scan/wp-login.php");
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Contains("Page not found", firstBody, StringComparison.Ordinal);
        await server.Services.GetRequiredService<LegacyRedirectIndex>().LoadAsync(CancellationToken.None);

        counter.Reset();
        var again = await client.GetAsync("/scan/wp-login.php");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.True(counter.Count == 0, $"the 404 asked the database:\n{counter.Log}");
    }

    [Fact]
    public async Task A_redirect_added_after_its_address_was_found_unknown_answers_at_once()
    {
        using var client = server.CreateClient();
        await AssertNotFoundOnceIndexedAsync(server, client, "/old/world-news");

        await AddRedirectAsync(server, "/old/world-news", "/category/world");

        var response = await client.GetAsync("/old/world-news");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/category/world", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_removed_redirect_stops_at_once()
    {
        using var client = server.CreateClient();
        await AddRedirectAsync(server, "/old/sport", "/category/sport");
        await server.Services.GetRequiredService<LegacyRedirectIndex>().LoadAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/old/sport")).StatusCode);

        // Removing declares nothing: an address the index still holds is only a "maybe" the database settles.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            db.LegacyRedirects.Remove(await db.LegacyRedirects.SingleAsync(r => r.Path == "/old/sport"));
            await scope.ServiceProvider.GetRequiredService<SiteWriter>().SaveChangesAsync([], CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/old/sport")).StatusCode);
    }

    [Fact]
    public async Task A_redirect_added_on_one_node_answers_on_another_that_had_found_it_unknown()
    {
        // A second Herald on the same database: it learns of the write only through the journal.
        await using var other = await HeraldTestServer.StartAsync(Database, demo: false);
        using var client = other.CreateClient();
        await AssertNotFoundOnceIndexedAsync(other, client, "/old/business");

        await AddRedirectAsync(server, "/old/business", "/category/business");

        var added = Stopwatch.StartNew();
        while ((await client.GetAsync("/old/business")).StatusCode != HttpStatusCode.MovedPermanently)
        {
            // The journal is read every 500 ms; the bound leaves room for a busy machine.
            Assert.True(added.Elapsed < TimeSpan.FromSeconds(15), "the other node still answered 404 for the added redirect");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_index_holds_one_entry_per_redirect_however_many_unknown_addresses_are_asked_for()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            db.LegacyRedirects.AddRange(Enumerable.Range(1, 2_000).Select(i => new LegacyRedirect { Path = $"/archives/{i}", TargetPath = "/" }));
            await db.SaveChangesAsync();
        }
        var index = server.Services.GetRequiredService<LegacyRedirectIndex>();
        await index.LoadAsync(CancellationToken.None);
        int rows;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            rows = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().LegacyRedirects.CountAsync();
        }
        Assert.Equal(rows, index.Count);

        var maybes = 0;
        for (var i = 0; i < 100_000; i++)
        {
            maybes += index.MayHave($"/scan/{Guid.NewGuid():N}") ? 1 : 0;
        }

        Assert.Equal(rows, index.Count);
        Assert.True(maybes <= 1, $"{maybes} of 100,000 unknown addresses were taken for redirects");
        Assert.All(Enumerable.Range(1, 2_000), i => Assert.True(index.MayHave($"/archives/{i}")));
    }

    [Fact]
    public async Task Only_a_write_naming_redirects_or_the_whole_site_drops_the_index()
    {
        var index = server.Services.GetRequiredService<LegacyRedirectIndex>();
        await index.LoadAsync(CancellationToken.None);
        index.OnInvalidated([CacheTags.Home, CacheTags.Article(1)]);
        Assert.NotNull(index.Count);
        index.OnInvalidated([CacheTags.LegacyRedirects]);
        Assert.Null(index.Count);

        await index.LoadAsync(CancellationToken.None);
        index.OnInvalidated([CacheTags.Site]);
        Assert.Null(index.Count);
    }

    private static async Task AssertNotFoundOnceIndexedAsync(HeraldTestServer site, HttpClient client, string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        await site.Services.GetRequiredService<LegacyRedirectIndex>().LoadAsync(CancellationToken.None);
        Assert.False(site.Services.GetRequiredService<LegacyRedirectIndex>().MayHave(path), $"{path} was taken for a redirect");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>As the importer adds one: through the site writer, declaring the redirects tag.</summary>
    private static async Task AddRedirectAsync(HeraldTestServer site, string path, string target)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        await scope.ServiceProvider.GetRequiredService<SiteWriter>().CommitAsync((tags, _) =>
        {
            db.LegacyRedirects.Add(new LegacyRedirect { Path = path, TargetPath = target });
            tags.Add(CacheTags.LegacyRedirects);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }
}