using System.Net;
using Herald.Accounts;
using Herald.Newsroom;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Everything under /newsroom, found in the server's own route table whichever feature maps it:
/// closed to strangers and never stored by a cache, error pages and redirects included.
/// </summary>
public sealed class NewsroomAreaTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Every_newsroom_address_turns_a_stranger_away_and_is_never_stored()
    {
        var endpoints = NewsroomEndpoints();
        // The table holds the newsroom of every feature, not only the Newsroom folder's pages.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.EndsWith("newsroom/comments", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.Contains("related/{articleId", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.EndsWith("/checks", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.EndsWith("newsroom/media/{id:int}", StringComparison.Ordinal));

        using var stranger = NewsroomSession.Anonymous(Server);
        var checkedRequests = 0;
        foreach (var endpoint in endpoints)
        {
            var path = SamplePath(endpoint.RoutePattern);
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await stranger.Client.SendAsync(request);
                var what = $"{method} {path}";
                AssertNeverStored(response, what);
                if (!open)
                {
                    var sentToSignIn = response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location is { } location
                        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith("/newsroom/login?", StringComparison.Ordinal);
                    Assert.True(sentToSignIn || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                        $"{what} answered a stranger {(int)response.StatusCode}");
                }
                checkedRequests++;
            }
        }
        Assert.True(checkedRequests >= endpoints.Count);
        // Only the doors are open: signing in, its authenticator step, and the way back in after a forgotten password.
        Assert.Equal(["newsroom/forgot-password", "newsroom/login", "newsroom/login/code", "newsroom/reset-password"],
            endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_comment_queue_with_commenters_addresses_is_never_stored_when_signed_in()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "editor.nostore@example.org", Roles.Editor);
        foreach (var path in new[] { "/newsroom/comments", "/newsroom/comments?status=spam", "/newsroom", "/newsroom/media", "/newsroom/related/1" })
        {
            await AssertAnsweredUnstoredAsync(editor.Client, path, HttpStatusCode.OK);
        }
        await AssertAnsweredUnstoredAsync(editor.Client, "/newsroom/comments?status=no-such-status", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Newsroom_error_pages_and_redirects_are_never_stored()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "author.nostore@example.org", Roles.Author);
        await AssertAnsweredUnstoredAsync(author.Client, "/newsroom/no-such-page", HttpStatusCode.NotFound);
        await AssertAnsweredUnstoredAsync(author.Client, "/newsroom/comments", HttpStatusCode.Forbidden);
        await AssertAnsweredUnstoredAsync(author.Client, "/newsroom/media/", HttpStatusCode.MovedPermanently);

        using var stranger = NewsroomSession.Anonymous(Server);
        await AssertAnsweredUnstoredAsync(stranger.Client, "/newsroom/no-such-page", HttpStatusCode.NotFound);
    }

    private static async Task AssertAnsweredUnstoredAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        AssertNeverStored(response, path);
    }

    private List<RouteEndpoint> NewsroomEndpoints() =>
        Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => NewsroomArea.Contains(e.RoutePattern))
            .ToList();

    /// <summary>GET and POST for pages (their handlers choose by method); what a minimal endpoint declares.</summary>
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET", "POST"];

    /// <summary>The route with each parameter filled by a value its constraints accept.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
                && policies.Any(p => p.Content == "int") ? "1" : "sample",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static void AssertNeverStored(HttpResponseMessage response, string what)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.True(cacheControl is { NoStore: true, Private: true }, $"{what} carried Cache-Control: {cacheControl}");
    }
}