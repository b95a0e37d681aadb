using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>Clients that only know the site's address find the API from the Link header on its pages.</summary>
public sealed class ApiDiscoveryTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Html_pages_name_the_api_root_and_the_api_itself_does_not()
    {
        using var client = Server.CreateClient();
        var root = new Uri(client.BaseAddress!, "/wp-json/").ToString();

        foreach (var path in new[] { "/", "/", "/search?q=harbour", "/no-such-page-anywhere" })
        {
            // Twice for "/": the second answer comes from the output cache and must carry it too.
            // Exactly once: a 404 walks the pipeline a second time to render its error page.
            using var page = await client.GetAsync(path);
            Assert.Single(page.Headers.GetValues("Link"), $"<{root}>; rel=\"https://api.w.org/\"");
        }

        using var index = await client.GetAsync("/wp-json/");
        index.EnsureSuccessStatusCode();
        Assert.False(index.Headers.Contains("Link"));
        var site = System.Text.Json.Nodes.JsonNode.Parse(await index.Content.ReadAsStringAsync())!;
        Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority), (string?)site["url"]);
    }
}