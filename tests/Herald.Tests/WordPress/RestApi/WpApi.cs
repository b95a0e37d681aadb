using System.Net;
using System.Text.Json.Nodes;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>GETs against /wp-json/wp/v2 over real HTTP, returning the response and its parsed JSON.</summary>
public static class WpApi
{
    public const string Root = "/wp-json/wp/v2/";

    public static async Task<(HttpResponseMessage Response, JsonNode Json, string Raw)> GetAsync(HeraldTestServer server, string route)
    {
        using var client = server.CreateClient();
        var response = await client.GetAsync(route.StartsWith('/') ? route : Root + route);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{route}: {response.StatusCode} {raw}");
        return (response, JsonNode.Parse(raw)!, raw);
    }

    public static async Task<JsonArray> ListAsync(HeraldTestServer server, string route)
    {
        var (response, json, raw) = await GetAsync(server, route);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode} {raw}");
        return json.AsArray();
    }

    public static async Task<JsonObject> OneAsync(HeraldTestServer server, string route)
    {
        var (response, json, raw) = await GetAsync(server, route);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode} {raw}");
        return json.AsObject();
    }

    /// <summary>Asserts WordPress's error object: code, message, data.status, and nothing else at the top.</summary>
    public static async Task<JsonObject> ErrorAsync(HeraldTestServer server, string route, HttpStatusCode status, string code)
    {
        var (response, json, raw) = await GetAsync(server, route);
        Assert.True(response.StatusCode == status, $"{route}: {response.StatusCode} {raw}");
        var error = json.AsObject();
        Assert.Equal(["code", "message", "data"], error.Select(p => p.Key));
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Equal((int)status, (int)error["data"]!["status"]!);
        return error;
    }

    public static IReadOnlyList<int> Ids(JsonArray items) => items.Select(i => (int)i!["id"]!).ToList();

    public static IReadOnlyList<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToList();
}