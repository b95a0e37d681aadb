using Herald.Hosting;

namespace Herald.Newsroom.Trash;

/// <summary>
/// Deletes for good the stories that have been in the trash longer than the site keeps them
/// (<see cref="ServeOptions.TrashRetention"/>). It runs on the site's <see cref="TimeProvider"/>,
/// so a test moves a fake clock on rather than waiting a month. Several processes sharing one
/// database may all run it: each deletion reads the story again, and a story already gone is skipped.
/// </summary>
public sealed class TrashPurger(IServiceScopeFactory scopes, ServeOptions options, TimeProvider clock, ILogger<TrashPurger> log)
    : BackgroundService
{
    /// <summary>How often the trash is looked at: retention is counted in days, an hour late is no harm.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>At most this many deletions per pass, so one pass never holds the database for long.</summary>
    private const int PerPass = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = Interval;
            try
            {
                if (await PurgeExpiredAsync(stoppingToken) == PerPass)
                {
                    sleep = TimeSpan.FromSeconds(1); // more waiting: go on soon, but let others write in between
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Emptying the trash failed; trying again later.");
            }
            try
            {
                await Task.Delay(sleep, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes what has been in the trash longer than the retention; returns how many stories went.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var trash = scope.ServiceProvider.GetRequiredService<ArticleTrash>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.TrashRetention;
        var purged = await trash.PurgeTrashedBeforeAsync(cutoff, PerPass, ct);
        if (purged > 0)
        {
            log.LogInformation("Deleted {Count} stories that were in the trash for more than {Days} days", purged, options.TrashRetention.TotalDays);
        }
        return purged;
    }
}