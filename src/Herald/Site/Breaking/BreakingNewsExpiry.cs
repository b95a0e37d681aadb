namespace Herald.Site.Breaking;

/// <summary>
/// Takes a banner down when its time is up, with nobody visiting: it clears the row through
/// <see cref="BreakingNewsDesk"/>, whose journal row evicts every cached page in every process.
/// Every process runs one; the conditional delete lets exactly one of them write. It looks once a
/// second on the machine's clock (a test's fake clock must not stop it) and compares the expiry
/// with the site's clock.
/// </summary>
public sealed class BreakingNewsExpiry(BreakingNewsState state, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BreakingNewsExpiry> log)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ClearIfExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting; pages stop showing the banner on their own (see BreakingNewsState.ForPageAsync).
                log.LogWarning(e, "Clearing an expired breaking-news banner failed; trying again.");
            }
            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look: reads the banner from memory (no query while there is none) and clears it when due.</summary>
    public async Task<bool> ClearIfExpiredAsync(CancellationToken ct)
    {
        if (await state.GetAsync(ct) is not { ExpiresAt: { } until } banner || clock.GetUtcNow().UtcDateTime < until)
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var cleared = await scope.ServiceProvider.GetRequiredService<BreakingNewsDesk>().ClearExpiredAsync(banner.ArticleId, until, ct);
        if (!cleared)
        {
            // Another process cleared it (its journal row reaches us) or it was replaced: read it afresh.
            state.OnInvalidated([Hosting.CacheTags.Site]);
        }
        return cleared;
    }
}