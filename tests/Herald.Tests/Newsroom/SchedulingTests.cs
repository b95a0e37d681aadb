using System.Collections.Concurrent;
using Herald.Accounts;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Publishing;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Newsroom;

/// <summary>Scheduled articles go out on time with nobody visiting, once, however many Herald processes share the database.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task A_scheduled_article_becomes_public_on_time_without_a_request()
    {
        using var folder = new TempFolder("herald-schedule");
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"));
        using var author = await NewsroomSession.SignInAsync(server, "scheduler@example.org", Roles.Author);
        await using var scope = server.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;

        // The form takes the site's wall-clock time (the demo site is in Europe/Oslo), to the minute.
        var due = DateTime.UtcNow.AddMinutes(2);
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var id = await author.WriteAsync("Night ferry returns", "Service resumes tonight.", "schedule", ("Form.ScheduleAt", local));
        var article = await NewsroomWriting.LoadAsync(server, id);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone), article.PublishedAt);

        // Bring the time closer rather than wait minutes, and tell the scheduler as another process would not.
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddSeconds(2)));
        server.Services.GetRequiredService<ScheduleSignal>().Poke();

        await WaitUntilAsync(async () => (await NewsroomWriting.LoadAsync(server, id)).Status == ArticleStatus.Published);
        using var reader = server.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(await NewsroomWriting.PublicUrlAsync(server, id))).StatusCode);
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
        await using var first = await HeraldTestServer.StartAsync(database, configureServices: s => s.AddScoped<IArticleChangeHandler>(_ => new RecordingHandler("first", published)));
        var due = DateTime.UtcNow.AddSeconds(3);
        var ids = new List<int>();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            for (var i = 0; i < 6; i++)
            {
                var article = new Article { Slug = $"race-{i}", Headline = $"Race {i}", BodyMarkdown = "Due.", Status = ArticleStatus.Scheduled, PublishedAt = due, CreatedAt = DateTime.UtcNow };
                db.Articles.Add(article);
                await db.SaveChangesAsync();
                ids.Add(article.Id);
            }
        }
        await using var second = await HeraldTestServer.StartAsync(database, demo: false, configureServices: s => s.AddScoped<IArticleChangeHandler>(_ => new RecordingHandler("second", published)));
        // Both processes wake for the same moment, so both try to publish the same articles.
        first.Services.GetRequiredService<ScheduleSignal>().Poke();

        await WaitUntilAsync(async () =>
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            return await db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published) == ids.Count;
        });
        await Task.Delay(1000); // a late duplicate would show up by now

        Assert.Equal(ids.Order(), published.Select(p => p.ArticleId).Order());
        await using var check = first.Services.CreateAsyncScope();
        var revisions = await check.ServiceProvider.GetRequiredService<HeraldDbContext>().ArticleRevisions
            .CountAsync(r => ids.Contains(r.ArticleId) && r.Note == "Published on schedule");
        Assert.Equal(ids.Count, revisions);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled article was not published within 30 seconds");
            await Task.Delay(200);
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