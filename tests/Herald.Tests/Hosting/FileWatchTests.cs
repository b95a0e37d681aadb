using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// A running Herald watches no files: each file-system watcher takes an inotify instance, a Linux
/// user has 128 by default for all its processes, and a machine running several nodes (or a test
/// run's many servers) ran out of them, after which every new server failed to start.
/// </summary>
public sealed class FileWatchTests
{
    [SkippableFact]
    public async Task A_serving_herald_holds_no_inotify_instance_after_pages_with_versioned_assets()
    {
        RequiredService.SkipUnlessAvailable(Directory.Exists("/proc/self/fd"), "Counting inotify instances needs Linux's /proc.");
        using var folder = new TempFolder("herald-watch");
        var environment = new Dictionary<string, string> { ["HERALD_DB"] = $"Data Source={Path.Combine(folder.Path, "herald.db")}" };
        await using var node = await HeraldNode.StartAsync("watch", environment, "--demo");
        using var client = new HttpClient { BaseAddress = node.Address };

        foreach (var path in new[] { "/", "/newsroom/login", "/search?q=harbour", "/css/site.css" })
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var inotify = Directory.GetFiles($"/proc/{node.ProcessId}/fd")
            .Count(fd => new FileInfo(fd).LinkTarget?.Contains("inotify", StringComparison.Ordinal) == true);
        Assert.True(inotify == 0, $"the server holds {inotify} inotify instances");
    }
}