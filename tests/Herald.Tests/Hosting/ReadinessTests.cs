using System.Diagnostics;
using System.Net;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// /healthz/live and /healthz/ready against real parts that fail: a PostgreSQL cluster and a
/// redis-server of the test's own, stopped and started again, and a media folder taken away.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan NoticeWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_site_whose_media_folder_is_gone_is_live_but_not_ready()
    {
        using var folder = new TempFolder();
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        await using var server = await HeraldTestServer.StartAsync(database, demo: false);
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var media = Path.Combine(folder.Path, "media");
        Directory.Delete(media, recursive: true);
        await File.WriteAllTextAsync(media, "a file where the folder was");

        // Each check's answer is kept for a second: the change shows on the next probe after that.
        Assert.Equal("503 Unhealthy\nmedia: Unhealthy\n", await WaitForAsync(client, HttpStatusCode.ServiceUnavailable, NoticeWithin));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);

        File.Delete(media);
        Directory.CreateDirectory(media);
        await WaitForAsync(client, HttpStatusCode.OK, NoticeWithin);
    }

    [SkippableFact]
    public async Task Ready_turns_503_within_seconds_of_postgres_or_redis_stopping_and_200_when_they_return()
    {
        var postgres = await PostgresServer.StartPrivateAsync();
        RequiredService.SkipUnlessAvailable(postgres is not null, PostgresServer.Unavailable);
        using var redis = await RedisServer.StartAsync();
        try
        {
            var database = DatabaseConnection.Parse(postgres!.NewDatabase("ready"));
            await using var server = await HeraldTestServer.StartAsync(database, demo: false, adjust: o => o with { Redis = redis.Configuration });
            using var client = server.CreateClient();
            await WaitForAsync(client, HttpStatusCode.OK, RecoverWithin);

            await postgres.StopAsync();
            var noticed = await WaitForAsync(client, HttpStatusCode.ServiceUnavailable, NoticeWithin);
            Assert.Contains("database: Unhealthy", noticed);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
            await postgres.RestartAsync();
            await WaitForAsync(client, HttpStatusCode.OK, RecoverWithin);

            await redis.StopAsync();
            noticed = await WaitForAsync(client, HttpStatusCode.ServiceUnavailable, NoticeWithin);
            Assert.Contains("redis: Unhealthy", noticed);
            await redis.RestartAsync();
            await WaitForAsync(client, HttpStatusCode.OK, RecoverWithin);
        }
        finally
        {
            try
            {
                await postgres!.StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped by a step that failed; the process exit removes its folder.
            }
        }
    }

    /// <summary>Asks /healthz/ready until it answers the status, and fails if that takes longer than the limit.</summary>
    private static async Task<string> WaitForAsync(HttpClient client, HttpStatusCode status, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < limit)
        {
            using var timeout = new CancellationTokenSource(limit - clock.Elapsed);
            try
            {
                using var response = await client.GetAsync("/healthz/ready", timeout.Token);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}";
                if (response.StatusCode == status)
                {
                    return last;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"/healthz/ready did not answer {(int)status} within {limit.TotalSeconds} s; last: {last}");
        return last;
    }
}