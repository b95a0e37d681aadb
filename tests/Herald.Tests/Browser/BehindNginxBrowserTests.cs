using System.Net;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Comments;
using Herald.Tests.Hosting;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>
/// Herald on loopback behind Debian's nginx, which terminates TLS with a throw-away certificate
/// and is configured with deploy/nginx/herald.conf, the file docs/operations.md gives. Herald
/// runs with its defaults: no public URL, loopback trusted as the proxy.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class BehindNginxBrowserTests(SqliteCommentSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteCommentSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_reader_in_chromium_comments_through_nginx_and_the_comment_is_held()
    {
        var server = site.RequireServer();
        var chromium = browser.RequireBrowser();
        await using var nginx = await NginxProxy.StartAsync(server.Address);
        var (articleId, url) = await CommentData.ArticleNumberAsync(server, 6);

        var context = await chromium.NewContextAsync(new() { BaseURL = nginx.Address.ToString(), IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#comments[data-state=ready]");
        await page.FillAsync("#comment", "Read behind the proxy: the bridge reopens on Monday.");
        await page.FillAsync("#author", "Nginx Reader");
        await page.FillAsync("#email", "nginx.reader@example.org");
        await page.WaitForTimeoutAsync(3200); // A person takes longer than the three-second minimum.
        await page.ClickAsync("#submit");
        await page.WaitForURLAsync("**/comments/*/awaiting");

        Assert.StartsWith(nginx.Address.GetLeftPart(UriPartial.Authority) + "/comments/", page.Url);
        Assert.Equal("Your comment is awaiting moderation.", await page.TextContentAsync(".comment-awaiting-moderation"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "comment-behind-nginx.png") });
        var cookies = await context.CookiesAsync();
        Assert.All(cookies.Where(c => c.Name.StartsWith("herald.", StringComparison.Ordinal)), c => Assert.True(c.Secure, $"{c.Name} is not Secure"));
        Assert.Empty(problems);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var comment = await db.Comments.AsNoTracking().SingleAsync(c => c.ArticleId == articleId && c.AuthorName == "Nginx Reader");
        Assert.Equal(ModerationStatus.Pending, comment.Status);
        // The address Herald kept is the one nginx saw (loopback), not the proxy's own hop to Herald read as a client.
        var ring = await scope.ServiceProvider.GetRequiredService<CommentKeys>().GetAsync();
        Assert.Equal(ring.ClientHash("127.0.0.1"), comment.ClientHash);
    }

    [SkippableFact]
    public async Task Through_nginx_canonical_feed_sitemap_and_json_ld_urls_are_https()
    {
        var server = site.RequireServer();
        await using var nginx = await NginxProxy.StartAsync(server.Address);
        var (_, url) = await CommentData.ArticleNumberAsync(server, 6);
        using var client = nginx.CreateClient();

        var urls = await AbsoluteUrls.CollectAsync(client, url);

        Assert.All(urls, u => Assert.StartsWith(nginx.Address.GetLeftPart(UriPartial.Authority) + "/", u));
        Assert.Equal("max-age=31536000", urls.Hsts);
    }

    [SkippableFact]
    public async Task A_client_cannot_pass_its_own_forwarded_headers_through_nginx()
    {
        var server = site.RequireServer();
        await using var nginx = await NginxProxy.StartAsync(server.Address);
        var (articleId, _) = await CommentData.ArticleNumberAsync(server, 7);
        using var client = nginx.CreateClient();
        var post = new CommentPost(articleId, "Spoofed hop: the library opens late on Thursdays.", "Spoofing Reader", "spoof@example.org");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(await post.ToFieldsAsync(server)) };
        request.Headers.Add("Origin", nginx.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "http");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await using var scope = server.Services.CreateAsyncScope();
        var comment = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Comments.AsNoTracking()
            .SingleAsync(c => c.AuthorName == "Spoofing Reader");
        var ring = await scope.ServiceProvider.GetRequiredService<CommentKeys>().GetAsync();
        Assert.Equal(ring.ClientHash("127.0.0.1"), comment.ClientHash);
        Assert.NotEqual(ring.ClientHash("203.0.113.7"), comment.ClientHash);
    }
}