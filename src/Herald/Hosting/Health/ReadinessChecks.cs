using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Herald.Hosting.Health;

/// <summary>The database answers and has every migration this build knows (none pending).</summary>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied (the first is {pending[0]}).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {e.Message.Split('\n')[0]}");
        }
    }
}

/// <summary>
/// Redis answers a PING, on the process's one connection (<see cref="Redis.SharedRedis"/>): it
/// reconnects by itself after Redis returns, so the check turns healthy again without a restart.
/// </summary>
public sealed class RedisReadyCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {e.Message.Split('\n')[0]}");
        }
    }
}

/// <summary>Herald can create and remove a file in the media folder (a full disk or a lost mount shows here).</summary>
public sealed class MediaFolderReadyCheck(ServeOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var probe = Path.Combine(options.MediaFolder, $".herald-ready-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ready", ct);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The media folder {options.MediaFolder} is not writable: {e.Message}");
        }
    }
}