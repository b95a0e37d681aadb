using Herald.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Hosting;

/// <summary>A flood of readiness probes runs each real check at most once a second.</summary>
public sealed class RecentHealthCheckTests
{
    private sealed class CountingCheck : IHealthCheck
    {
        public int Runs;
        public HealthStatus Next = HealthStatus.Healthy;
        public TaskCompletionSource? Hold;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Runs);
            if (Hold is { } hold)
            {
                await hold.Task;
            }
            return new HealthCheckResult(Next);
        }
    }

    private static readonly HealthCheckContext Context = new()
    {
        Registration = new HealthCheckRegistration("counting", new CountingCheck(), null, null),
    };

    [Fact]
    public async Task Probes_within_a_second_share_one_run_and_the_next_second_sees_a_change()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var check = new CountingCheck();
        using var recent = new RecentHealthCheck<CountingCheck>(check, clock);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HealthStatus.Healthy, (await recent.CheckHealthAsync(Context)).Status);
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        Assert.Equal(1, check.Runs);

        check.Next = HealthStatus.Unhealthy;
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(HealthStatus.Unhealthy, (await recent.CheckHealthAsync(Context)).Status);
        Assert.Equal(2, check.Runs);
    }

    [Fact]
    public async Task Probes_arriving_while_a_check_runs_wait_for_its_answer_instead_of_running_their_own()
    {
        var clock = new FakeTimeProvider();
        var check = new CountingCheck { Hold = new TaskCompletionSource(), Next = HealthStatus.Unhealthy };
        using var recent = new RecentHealthCheck<CountingCheck>(check, clock);

        var probes = Enumerable.Range(0, 20).Select(_ => Task.Run(() => recent.CheckHealthAsync(Context))).ToList();
        while (Volatile.Read(ref check.Runs) == 0)
        {
            await Task.Delay(5);
        }
        check.Hold.SetResult();
        var answers = await Task.WhenAll(probes);

        Assert.All(answers, a => Assert.Equal(HealthStatus.Unhealthy, a.Status));
        Assert.Equal(1, check.Runs);
    }
}