using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Hosting.Health;

/// <summary>
/// /healthz/live: the process answers (a restart is the cure when it does not).
/// /healthz/ready: the database is reachable and migrated, Redis answers when configured, and
/// the media folder takes writes (media kept in the database need no check of their own);
/// 503 when any is not (take the node out of the balancer). Each check's answer is kept for a
/// second (<see cref="RecentHealthCheck{TCheck}"/>), so probes cannot be turned into a load.
/// /healthz is the same as ready, for probes written before the split.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>A stopped database must show within seconds, not after a connection's default 15-second timeout.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddHeraldHealth(this IServiceCollection services, ServeOptions options)
    {
        var checks = services.AddHealthChecks();
        AddRecent<DatabaseReadyCheck>(services, checks, "database");
        if (options.MediaStore == Media.MediaStoreKind.Folder)
        {
            AddRecent<MediaFolderReadyCheck>(services, checks, "media");
        }
        if (options.Redis is { Length: > 0 })
        {
            AddRecent<RedisReadyCheck>(services, checks, "redis");
        }
        return services;
    }

    /// <summary>One instance of the check for the process, answered from its last second's result.</summary>
    private static void AddRecent<TCheck>(IServiceCollection services, IHealthChecksBuilder checks, string name)
        where TCheck : class, IHealthCheck
    {
        services.AddSingleton<TCheck>();
        services.AddSingleton<RecentHealthCheck<TCheck>>();
        checks.AddCheck<RecentHealthCheck<TCheck>>(name, tags: [Ready], timeout: CheckTimeout);
    }

    public static void MapHeraldHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz", ready);
    }

    /// <summary>
    /// Plain text an operator can read in curl: the verdict, then the checks that failed. The
    /// reasons (paths, server errors) go to the log only, since the endpoint may be public.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var lines = report.Entries
            .Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Status}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n", context.RequestAborted);
    }
}