using System.Net;
using Herald.Hosting.Configuration;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// A front end on another origin reads the WordPress API from the browser only when the operator
/// named that origin: preflights answered, the paging headers exposed, each origin's permission
/// its own even through the output cache, and never a CORS header on the newsroom or the pages.
/// </summary>
public sealed class WpCorsTests
{
    private const string App = "https://app.example.org";
    private const string OtherApp = "http://localhost:3000";
    private const string Stranger = "https://evil.example.net";

    [Fact]
    public async Task By_default_no_other_origin_may_read()
    {
        await using var site = await StartAsync(null);
        using var client = site.Server.CreateClient();

        var read = await SendAsync(client, HttpMethod.Get, "/wp-json/wp/v2/posts", App);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await PreflightAsync(client, "/wp-json/wp/v2/posts", App, "GET");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_named_origin_reads_with_the_paging_headers_and_others_do_not_even_from_the_cache()
    {
        await using var site = await StartAsync($"{App}, {OtherApp}");
        using var client = site.Server.CreateClient();
        const string route = "/wp-json/wp/v2/categories?per_page=2";

        var first = await SendAsync(client, HttpMethod.Get, route, App);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(App, Single(first, "Access-Control-Allow-Origin"));
        var exposed = Single(first, "Access-Control-Expose-Headers");
        Assert.Contains("X-WP-Total", exposed);
        Assert.Contains("X-WP-TotalPages", exposed);
        Assert.Contains("Link", exposed);
        Assert.Contains("Origin", first.Headers.Vary);
        Assert.False(first.Headers.Contains("Access-Control-Allow-Credentials"));

        // The same address, now cached: a stranger gets no permission, the other app its own.
        var stranger = await SendAsync(client, HttpMethod.Get, route, Stranger);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        var other = await SendAsync(client, HttpMethod.Get, route, OtherApp);
        Assert.Equal(OtherApp, Single(other, "Access-Control-Allow-Origin"));
        var again = await SendAsync(client, HttpMethod.Get, route, App);
        Assert.Equal(App, Single(again, "Access-Control-Allow-Origin"));
        var plain = await SendAsync(client, HttpMethod.Get, route, null);
        Assert.False(plain.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await PreflightAsync(client, "/wp-json/wp/v2/posts?per_page=3", App, "GET");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(App, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Single(preflight, "Access-Control-Allow-Methods"));

        // Reads only: a browser sends a write across origins only when the preflight names its method.
        var write = await PreflightAsync(client, "/wp-json/wp/v2/posts", App, "POST");
        Assert.DoesNotContain("POST", Single(write, "Access-Control-Allow-Methods"));
        Assert.DoesNotContain("DELETE", Single(write, "Access-Control-Allow-Methods"));
        var strangerPreflight = await PreflightAsync(client, "/wp-json/wp/v2/posts", Stranger, "GET");
        Assert.False(strangerPreflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_newsroom_and_the_pages_never_answer_another_origin()
    {
        await using var site = await StartAsync("*");
        using var client = site.Server.CreateClient();

        foreach (var path in new[] { "/newsroom/login", "/", "/feed" })
        {
            var response = await SendAsync(client, HttpMethod.Get, path, App);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), path);
            var preflight = await PreflightAsync(client, path, App, "GET");
            Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), path);
        }
    }

    [Fact]
    public async Task A_lone_star_lets_any_site_read()
    {
        await using var site = await StartAsync("*");
        using var client = site.Server.CreateClient();

        var read = await SendAsync(client, HttpMethod.Get, "/wp-json/wp/v2/tags", Stranger);
        Assert.Equal("*", Single(read, "Access-Control-Allow-Origin"));
        var index = await SendAsync(client, HttpMethod.Get, "/wp-json/", OtherApp);
        Assert.Equal("*", Single(index, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Origins_are_read_as_a_browser_sends_them()
    {
        Assert.Empty(ServeSettings.ReadApiCorsOrigins(null));
        Assert.Empty(ServeSettings.ReadApiCorsOrigins("none"));
        Assert.Equal(["*"], ServeSettings.ReadApiCorsOrigins(" * "));
        Assert.Equal(["https://app.example.org", "http://localhost:3000"], ServeSettings.ReadApiCorsOrigins("https://App.Example.org/, http://localhost:3000"));
    }

    [Theory]
    [InlineData("*, https://app.example.org")]
    [InlineData("https://app.example.org/path")]
    [InlineData("app.example.org")]
    [InlineData("ftp://app.example.org")]
    [InlineData("https://user@app.example.org")]
    [InlineData("https://*.example.org")]
    [InlineData(",")]
    public void Anything_but_origins_or_a_lone_star_is_refused_naming_the_setting(string value)
    {
        var refusal = Assert.Throws<SettingException>(() => ServeSettings.ReadApiCorsOrigins(value));
        Assert.Contains("--api-cors-origins", refusal.Message);
    }

    private static async Task<Site> StartAsync(string? origins)
    {
        var folder = new TempFolder();
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        var server = await HeraldTestServer.StartAsync(database, demo: false,
            adjust: o => o with { ApiCorsOrigins = ServeSettings.ReadApiCorsOrigins(origins) });
        return new Site(server, folder);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? origin)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        return client.SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        string.Join(",", response.Headers.TryGetValues(header, out var values) ? values : []);

    private sealed record Site(HeraldTestServer Server, TempFolder Folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Folder.Dispose();
        }
    }
}