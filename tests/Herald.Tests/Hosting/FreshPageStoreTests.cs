using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Tests.Hosting;

/// <summary>
/// The output-cache store every policy stores through refuses a page when a journal row newer
/// than the position its request noted affects one of the page's tags or the whole site.
/// </summary>
public sealed class FreshPageStoreTests
{
    [Fact]
    public async Task A_page_is_not_stored_when_a_newer_write_affects_it_and_is_stored_otherwise()
    {
        using var folder = new TempFolder("herald-fresh");
        await using var server = await HeraldTestServer.StartAsync(
            DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"), demo: false);
        var store = Assert.IsType<FreshPageStore>(server.Services.GetRequiredService<IOutputCacheStore>());
        long before;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            db.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "article:7 home" });
            await db.SaveChangesAsync();
            before = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(
                db.Set<CacheInvalidation>(), i => i.Id) - 1;
        }

        Assert.True(await store.WrittenSinceAsync(before, [CacheTags.Site, CacheTags.Home], CancellationToken.None));
        Assert.True(await store.WrittenSinceAsync(before, [CacheTags.Site, CacheTags.Article(7)], CancellationToken.None));
        Assert.False(await store.WrittenSinceAsync(before, [CacheTags.Site, CacheTags.Article(8)], CancellationToken.None));
        Assert.False(await store.WrittenSinceAsync(before + 1, [CacheTags.Site, CacheTags.Home], CancellationToken.None));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            db.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = CacheTags.Site });
            await db.SaveChangesAsync();
        }
        // A write to the whole site (settings, sections) makes every page suspect.
        Assert.True(await store.WrittenSinceAsync(before + 1, [CacheTags.Site, CacheTags.Article(8)], CancellationToken.None));
    }
}