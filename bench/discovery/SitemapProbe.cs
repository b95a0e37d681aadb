using System.Diagnostics;
using System.Globalization;

namespace Herald.Bench.Discovery;

/// <summary>Times one sitemap request and samples the managed heap while it runs (server and client share this process).</summary>
internal static class SitemapProbe
{
    public static async Task<string> MeasureAsync(HttpClient client, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var bytes = 0L;
        var buffer = new byte[81920];
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            bytes += read;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await sampler;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(int)response.StatusCode} {elapsed.TotalMilliseconds,8:F0} ms {bytes / 1024.0 / 1024.0,7:F1} MB  peak heap +{(peak - baseline) / 1024.0 / 1024.0:F1} MB");
    }
}