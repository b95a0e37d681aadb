using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Revisions;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>Wakes the scheduler early when this process schedules something sooner than its next check.</summary>
public sealed class ScheduleSignal
{
    private readonly SemaphoreSlim poked = new(0, 1);

    public void Poke()
    {
        if (poked.CurrentCount == 0)
        {
            try
            {
                poked.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread poked first; one wake-up is enough.
            }
        }
    }

    /// <summary>
    /// Returns when poked or when <paramref name="timeout"/> has passed on <paramref name="clock"/>:
    /// the scheduler's sleep is measured on the same clock as what is due, so a test can move time on.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(elapsed.Token, ct);
        try
        {
            await poked.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The time is up; nobody poked.
        }
    }
}

/// <summary>
/// Publishes scheduled articles when their time comes, whether or not anyone visits. Several
/// Herald processes may share one database and all run this; <see cref="ArticlePipeline.PublishDueAsync"/>
/// lets exactly one of them publish each article — and run its handlers — through the article's
/// concurrency token.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, ScheduleSignal signal, TimeProvider clock, ILogger<ScheduledPublisher> log)
    : BackgroundService
{
    /// <summary>The longest sleep: how late an article scheduled by another process can be noticed.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Publishing scheduled articles failed; trying again shortly.");
                sleep = TimeSpan.FromSeconds(5);
            }
            try
            {
                await signal.WaitAsync(sleep, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes what is due and returns how long to sleep until the next one is.</summary>
    public async Task<TimeSpan> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        Hosting.Telemetry.HeraldMetrics.SchedulerRan();
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt).Select(a => a.Id).Take(100).ToListAsync(ct);
        foreach (var id in due)
        {
            await using var articleScope = scopes.CreateAsyncScope();
            await PublishOneAsync(articleScope.ServiceProvider, id, now, ct);
        }

        var next = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Scheduled)
            .MinAsync(a => a.PublishedAt, ct);
        var untilNext = next is { } at ? at - clock.GetUtcNow().UtcDateTime : PollInterval;
        return untilNext < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50)
            : untilNext > PollInterval ? PollInterval : untilNext;
    }

    private async Task PublishOneAsync(IServiceProvider services, int id, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<HeraldDbContext>();
        var pipeline = services.GetRequiredService<ArticlePipeline>();
        var published = await pipeline.PublishDueAsync(id, now, ct, article =>
            db.ArticleRevisions.Add(ArticleRevision.Of(article, RevisionKind.System, "Published on schedule", null, "Herald", now)));
        if (published)
        {
            log.LogInformation("Published scheduled article {Id}", id);
        }
    }
}