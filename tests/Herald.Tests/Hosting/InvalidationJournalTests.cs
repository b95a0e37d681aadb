using System.Diagnostics;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Articles.Writing;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Hosting;

/// <summary>
/// The invalidation journal's own rules: a row committed late is still applied, and a write too
/// large to list becomes the whole site.
/// </summary>
public sealed class InvalidationJournalTests
{
    [SkippableFact]
    public async Task A_journal_row_committed_after_a_later_one_is_still_applied()
    {
        // PostgreSQL hands out ids at insert, so a row may become visible after a higher one.
        var postgres = await PostgresServer.GetAsync();
        RequiredService.SkipUnlessAvailable(postgres is not null, PostgresServer.Unavailable);
        var recorder = new WriteRecorder();
        await using var site = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(postgres!.NewDatabase("journal_order")), demo: false,
            configureServices: services => WriteRecorder.Register(services, recorder));
        await WaitForStartAsync(site);

        await using var slowScope = site.Services.CreateAsyncScope();
        var slow = slowScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync();
        slow.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "test:slow" });
        await slow.SaveChangesAsync();

        await using (var fastScope = site.Services.CreateAsyncScope())
        {
            var fast = fastScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            fast.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "test:fast" });
            await fast.SaveChangesAsync();
        }
        await WaitForTagAsync(recorder, "test:fast");
        Assert.DoesNotContain(recorder.Evictions, e => e.Tags.Contains("test:slow"));

        await slowTransaction.CommitAsync();
        await WaitForTagAsync(recorder, "test:slow");
        Assert.Single(recorder.Evictions, e => e.Tags.Contains("test:fast"));
    }

    [SkippableFact]
    public async Task A_row_still_being_committed_when_a_process_starts_is_applied_once_it_commits()
    {
        var postgres = await PostgresServer.GetAsync();
        RequiredService.SkipUnlessAvailable(postgres is not null, PostgresServer.Unavailable);
        var database = DatabaseConnection.Parse(postgres!.NewDatabase("journal_start"));
        await using var first = await HeraldTestServer.StartAsync(database, demo: false);
        await using var slowScope = first.Services.CreateAsyncScope();
        var slow = slowScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync();
        slow.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "test:in-flight" });
        await slow.SaveChangesAsync();
        await using (var fastScope = first.Services.CreateAsyncScope())
        {
            var fast = fastScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            fast.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "test:before-start" });
            await fast.SaveChangesAsync();
        }

        var recorder = new WriteRecorder();
        await using var second = await HeraldTestServer.StartAsync(database, demo: false, configureServices: services => WriteRecorder.Register(services, recorder));
        await WaitForStartAsync(second);
        await slowTransaction.CommitAsync();

        await WaitForTagAsync(recorder, "test:in-flight");
        // What committed before the process started was made before anything it caches.
        Assert.DoesNotContain(recorder.Evictions, e => e.Tags.Contains("test:before-start"));
    }

    [Fact]
    public void A_write_affecting_more_than_a_row_holds_becomes_the_whole_site()
    {
        var tags = new InvalidationSet();
        tags.AddRange([CacheTags.Home, CacheTags.Article(1)]);
        Assert.Equal([CacheTags.Home, CacheTags.Article(1)], tags.Tags);
        Assert.False(tags.IsWholeSite);

        for (var id = 2; tags.Tags.Count > 1; id++)
        {
            tags.Add(CacheTags.Article(id));
        }
        Assert.True(tags.IsWholeSite);
        Assert.Equal([CacheTags.Site], tags.Tags);
        Assert.True(tags.Serialize().Length <= InvalidationSet.MaxLength);

        tags.Add(CacheTags.Home); // nothing is more than everything
        Assert.Equal([CacheTags.Site], tags.Tags);
    }

    private static async Task WaitForStartAsync(HeraldTestServer site)
    {
        var follower = site.Services.GetRequiredService<JournalFollower>();
        var started = Stopwatch.StartNew();
        while (follower.Position < 0)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "the journal follower never read the journal");
            await Task.Delay(50);
        }
    }

    private static async Task WaitForTagAsync(WriteRecorder recorder, string tag)
    {
        var deadline = Stopwatch.StartNew();
        while (!recorder.Evictions.Any(e => e.Tags.Contains(tag)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"{tag} was never evicted");
            await Task.Delay(50);
        }
    }
}