using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Hosting.Health;

/// <summary>
/// Answers a readiness check from its last result for up to <see cref="Fresh"/>, and lets only
/// one caller run the real check at a time. /healthz/ready is public: without this, every request
/// would write a file in the media folder and query the database, and a flood of probes would be
/// a flood of disk writes. A balancer polling every few seconds still sees a change within a second.
/// </summary>
public sealed class RecentHealthCheck<TCheck>(TCheck check, TimeProvider clock) : IHealthCheck, IDisposable
    where TCheck : IHealthCheck
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim running = new(1, 1);
    private volatile Answer? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (FreshAnswer() is { } recent)
        {
            return recent;
        }
        await running.WaitAsync(ct);
        try
        {
            // Whoever waited here while another caller ran the check takes that caller's answer.
            if (FreshAnswer() is { } justMade)
            {
                return justMade;
            }
            var result = await check.CheckHealthAsync(context, ct);
            last = new Answer(result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            running.Release();
        }
    }

    public void Dispose() => running.Dispose();

    private HealthCheckResult? FreshAnswer() =>
        last is { } answer && clock.GetUtcNow() - answer.At < Fresh ? answer.Result : null;

    private sealed record Answer(HealthCheckResult Result, DateTimeOffset At);
}