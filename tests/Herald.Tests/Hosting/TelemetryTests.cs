using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Herald.Storage;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>/metrics on a port of its own with Herald's counters beside the framework's, and JSON log lines with a request id.</summary>
public sealed class TelemetryTests(TelemetryTests.MetricsSite site) : IClassFixture<TelemetryTests.MetricsSite>
{
    public sealed class MetricsSite : SqliteSiteFixture, IAsyncLifetime
    {
        public int MetricsPort { get; } = FreePort();

        public HeraldTestServer WithMetrics { get; private set; } = null!;

        protected override void ConfigureServices(IServiceCollection services) => CommentTestSettings.Apply(services);

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var database = RequireServer().Services.GetRequiredService<DatabaseConnection>();
            WithMetrics = await HeraldTestServer.StartAsync(database, demo: false, configureServices: CommentTestSettings.Apply,
                adjust: o => o with { MetricsUrls = $"http://127.0.0.1:{MetricsPort}", MetricsPort = MetricsPort });
        }

        public override async Task DisposeAsync()
        {
            await WithMetrics.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task Metrics_show_herald_and_framework_counters_on_their_own_port()
    {
        var server = site.WithMetrics;
        using var client = server.CreateClient();
        var (articleId, url) = await CommentData.ArticleNumberAsync(server, 4);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        using var visitor = Visitor.Create(server);
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.PostAsync(new CommentPost(articleId, "Metrics reader: the tram timetable changed again.", "Metrics Reader", "metrics@example.org"))).StatusCode);

        using var scraper = new HttpClient();
        var text = await scraper.GetStringAsync($"http://127.0.0.1:{site.MetricsPort}/metrics");

        Assert.Matches(@"herald_pages_total\{[^}]*source=""rendered""[^}]*\} [1-9]", text);
        Assert.Matches(@"herald_pages_total\{[^}]*source=""cache""[^}]*\} [1-9]", text);
        Assert.Matches(@"herald_comments_total\{[^}]*outcome=""(held|accepted|spam)""[^}]*\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_count{", text);
        Assert.Contains("dotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Metrics_are_not_on_the_public_port_and_the_metrics_port_serves_nothing_else()
    {
        using var publicClient = site.WithMetrics.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync("/metrics")).StatusCode);
        // A Host header naming the metrics port changes nothing: the port a connection arrived on decides.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{site.MetricsPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.SendAsync(spoofed)).StatusCode);

        using var metricsClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{site.MetricsPort}") };
        Assert.Equal(HttpStatusCode.NotFound, (await metricsClient.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metricsClient.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task By_default_there_is_no_metrics_endpoint()
    {
        using var client = site.RequireServer().CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_with_the_request_id()
    {
        using var folder = new TempFolder();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "herald.dll"), "serve", "--log-format", "json",
            "--urls", $"http://127.0.0.1:{port}", "--db", $"Data Source={Path.Combine(folder.Path, "herald.db")}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("HERALD_DB");
        var lines = new List<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client);
            // A refused comment post is logged at Information, inside the request.
            using var post = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent([]) };
            post.Headers.Add("Origin", "https://elsewhere.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(post)).StatusCode);
            await Task.Delay(500);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        List<string> logged;
        lock (lines)
        {
            logged = [.. lines];
        }
        Assert.NotEmpty(logged);
        var entries = logged.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var refused = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Comment post refused", StringComparison.Ordinal));
        var scopes = refused.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString()!.Length > 0);
        Assert.DoesNotContain("Unhandled", await errors);
    }

    private static async Task WaitUntilServingAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/healthz/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail("herald serve did not answer within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}