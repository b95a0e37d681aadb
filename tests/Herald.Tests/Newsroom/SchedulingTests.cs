using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Publishing;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Scheduled articles go out on time with nobody visiting, once, however many Herald processes
/// share the database. Each site runs on a fake clock the test moves forward, so nothing waits
/// for a scheduled minute to come round.
/// </summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task A_scheduled_article_becomes_public_on_time_without_a_request()
    {
        using var folder = new TempFolder("herald-schedule");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"),
            demo: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var author = await NewsroomSession.SignInAsync(server, "scheduler@example.org", Roles.Author);
        await using var scope = server.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;

        // The form takes the site's wall-clock time, to the minute.
        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime.AddMinutes(2), zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var id = await author.WriteAsync("Night ferry returns", "Service resumes tonight.", "schedule", ("Form.ScheduleAt", local));
        var article = await NewsroomWriting.LoadAsync(server, id);
        var due = TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture), zone);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(due, article.PublishedAt);

        // A second before its time, the scheduler leaves it alone and means to wake exactly then.
        clock.SetUtcNow(new DateTimeOffset(due.AddSeconds(-1), TimeSpan.Zero));
        var publisher = server.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();
        Assert.Equal(TimeSpan.FromSeconds(1), await publisher.PublishDueAsync(CancellationToken.None));
        Assert.Equal(ArticleStatus.Scheduled, (await NewsroomWriting.LoadAsync(server, id)).Status);
        using var reader = server.CreateClient();
        var url = await NewsroomWriting.PublicUrlAsync(server, id);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);

        // Then time moves on, and the scheduler's own timer, not a request, publishes it.
        await WaitUntilAsync(clock, async () => (await NewsroomWriting.LoadAsync(server, id)).Status == ArticleStatus.Published);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        Assert.Equal(due, (await NewsroomWriting.LoadAsync(server, id)).PublishedAt);
    }

    [Fact]
    public async Task The_scheduler_sleeps_until_the_next_article_is_due_but_never_past_its_poll_interval()
    {
        using var folder = new TempFolder("herald-schedule-sleep");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"),
            demo: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var publisher = server.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();

        Assert.Equal(ScheduledPublisher.PollInterval, await publisher.PublishDueAsync(CancellationToken.None));

        var now = clock.GetUtcNow().UtcDateTime;
        await AddScheduledAsync(server, [now.AddSeconds(7), now.AddMinutes(5)], now);
        Assert.Equal(TimeSpan.FromSeconds(7), await publisher.PublishDueAsync(CancellationToken.None));

        await AddScheduledAsync(server, [now.AddMilliseconds(1)], now);
        Assert.Equal(TimeSpan.FromMilliseconds(50), await publisher.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_processes_on_one_sqlite_file_publish_each_article_once()
    {
        using var folder = new TempFolder("herald-schedule-two");
        await PublishOnceAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [SkippableFact]
    public async Task Two_processes_on_one_postgres_database_publish_each_article_once()
    {
        var postgres = await PostgresServer.GetAsync();
        RequiredService.SkipUnlessAvailable(postgres is not null, PostgresServer.Unavailable);
        await PublishOnceAsync(DatabaseConnection.Parse(postgres!.NewDatabase("schedule")));
    }

    private static async Task PublishOnceAsync(DatabaseConnection database)
    {
        var published = new ConcurrentQueue<(string Server, int ArticleId)>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        void Configure(IServiceCollection services, string name)
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddScoped<IArticleChangeHandler>(_ => new RecordingHandler(name, published));
        }

        await using var first = await HeraldTestServer.StartAsync(database, demo: false, configureServices: s => Configure(s, "first"));
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await AddScheduledAsync(first, Enumerable.Repeat(now.AddSeconds(3), 6), now);
        await using var second = await HeraldTestServer.StartAsync(database, demo: false, configureServices: s => Configure(s, "second"));

        // One clock for both: moving it past the first process's poll interval wakes both
        // schedulers at the same moment (a poke each in case one was not asleep yet), so both
        // try to publish the same articles.
        clock.Advance(ScheduledPublisher.PollInterval);
        first.Services.GetRequiredService<ScheduleSignal>().Poke();
        second.Services.GetRequiredService<ScheduleSignal>().Poke();
        await WaitUntilAsync(clock, async () =>
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            return await db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published) == ids.Count;
        });
        // Stopping waits for both schedulers to finish what they started: a late duplicate has happened by then.
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.Equal(ids.Order(), published.Select(p => p.ArticleId).Order());
        await using var check = first.Services.CreateAsyncScope();
        var revisions = await check.ServiceProvider.GetRequiredService<HeraldDbContext>().ArticleRevisions
            .CountAsync(r => ids.Contains(r.ArticleId) && r.Note == "Published on schedule");
        Assert.Equal(ids.Count, revisions);
    }

    private static async Task<List<int>> AddScheduledAsync(HeraldTestServer server, IEnumerable<DateTime> dueTimes, DateTime now)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var articles = dueTimes.Select(due => new Article
        {
            Slug = $"due-{Guid.NewGuid():N}",
            Headline = "Due",
            BodySource = "Due.",
            Status = ArticleStatus.Scheduled,
            PublishedAt = due,
            CreatedAt = now,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        return articles.Select(a => a.Id).ToList();
    }

    /// <summary>Lets fake time flow, a second per step, until the condition holds; gives up after 30 real seconds.</summary>
    private static async Task WaitUntilAsync(FakeTimeProvider clock, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled articles were not published within 30 seconds");
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    private sealed class RecordingHandler(string server, ConcurrentQueue<(string, int)> published) : IArticleChangeHandler
    {
        public Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct)
        {
            if (change.Kind == ArticleChangeKind.Published && change.Origin == ArticleWriteOrigin.Schedule)
            {
                published.Enqueue((server, change.Article.Id));
            }
            return Task.CompletedTask;
        }
    }
}