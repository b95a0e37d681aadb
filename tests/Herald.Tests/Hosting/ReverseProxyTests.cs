using System.Net;
using Herald.Hosting;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// Three Herald processes on one demo database, as three operators would configure them:
/// behind a proxy on loopback (trusted by default), behind a proxy Herald does not trust, and
/// with a configured public URL. Each is asked what a reader's browser and a crawler ask.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.Sites sites) : IClassFixture<ReverseProxyTests.Sites>
{
    public const string PublicUrl = "https://news.example.org";

    public sealed class Sites : SqliteSiteFixture, IAsyncLifetime
    {
        /// <summary>Trusts only 127.0.0.2, so the tests' own requests (from 127.0.0.1) are not a proxy's.</summary>
        public HeraldTestServer Untrusted { get; private set; } = null!;

        public HeraldTestServer WithPublicUrl { get; private set; } = null!;

        /// <summary>--trusted-proxies none.</summary>
        public HeraldTestServer TrustsNoOne { get; private set; } = null!;

        protected override void ConfigureServices(IServiceCollection services) => CommentTestSettings.Apply(services);

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var database = RequireServer().Services.GetRequiredService<Herald.Storage.DatabaseConnection>();
            Untrusted = await HeraldTestServer.StartAsync(database, demo: false, configureServices: CommentTestSettings.Apply,
                adjust: o => o with { TrustedProxies = [IPNetwork.Parse("127.0.0.2/32")] });
            WithPublicUrl = await HeraldTestServer.StartAsync(database, demo: false, configureServices: CommentTestSettings.Apply,
                adjust: o => o with { PublicUrl = new Uri(PublicUrl) });
            TrustsNoOne = await HeraldTestServer.StartAsync(database, demo: false, configureServices: CommentTestSettings.Apply,
                adjust: o => o with { TrustedProxies = Herald.Hosting.Configuration.ServeSettings.ReadTrustedProxies("none") });
        }

        public override async Task DisposeAsync()
        {
            await Untrusted.DisposeAsync();
            await WithPublicUrl.DisposeAsync();
            await TrustsNoOne.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_every_absolute_url_is_https_and_hsts_is_sent()
    {
        var server = sites.RequireServer();
        var origin = $"https://{server.Address.Authority}";
        var (_, articleUrl) = await CommentData.ArticleNumberAsync(server, 2);

        var urls = await AbsoluteUrlsAsync(server, articleUrl, forwardedProto: "https");

        Assert.All(urls, url => Assert.StartsWith(origin + "/", url));
        Assert.Equal("max-age=31536000", urls.Hsts);
    }

    [Fact]
    public async Task Without_a_proxy_urls_stay_http_and_no_hsts_is_sent()
    {
        var server = sites.RequireServer();
        var (_, articleUrl) = await CommentData.ArticleNumberAsync(server, 2);

        var urls = await AbsoluteUrlsAsync(server, articleUrl, forwardedProto: null);

        Assert.All(urls, url => Assert.StartsWith($"http://{server.Address.Authority}/", url));
        Assert.Null(urls.Hsts);
    }

    [Fact]
    public async Task A_forwarded_header_from_an_untrusted_address_is_ignored()
    {
        var (_, articleUrl) = await CommentData.ArticleNumberAsync(sites.RequireServer(), 2);
        var server = sites.Untrusted;

        var urls = await AbsoluteUrlsAsync(server, articleUrl, forwardedProto: "https");

        Assert.All(urls, url => Assert.StartsWith($"http://{server.Address.Authority}/", url));
        Assert.Null(urls.Hsts);
        // Nor can such a caller pass off an https origin as the site's own.
        var response = await PostCommentAsync(server, $"https://{server.Address.Authority}", forwardedProto: "https");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Trusting_no_proxy_ignores_forwarded_headers_even_from_loopback()
    {
        var (_, articleUrl) = await CommentData.ArticleNumberAsync(sites.RequireServer(), 2);
        var server = sites.TrustsNoOne;

        var urls = await AbsoluteUrlsAsync(server, articleUrl, forwardedProto: "https");

        Assert.All(urls, url => Assert.StartsWith($"http://{server.Address.Authority}/", url));
        Assert.Null(urls.Hsts);
    }

    [Fact]
    public async Task A_configured_public_url_starts_every_absolute_url_whatever_the_request_says()
    {
        var (_, articleUrl) = await CommentData.ArticleNumberAsync(sites.RequireServer(), 2);

        var urls = await AbsoluteUrlsAsync(sites.WithPublicUrl, articleUrl, forwardedProto: null);

        Assert.All(urls, url => Assert.StartsWith(PublicUrl + "/", url));
        Assert.Equal("max-age=31536000", urls.Hsts);
    }

    [Fact]
    public async Task A_comment_posted_through_an_https_proxy_is_taken_with_secure_cookies()
    {
        var server = sites.RequireServer();

        var response = await PostCommentAsync(server, $"https://{server.Address.Authority}", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("herald.commenter=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_comment_from_the_public_origin_is_taken_and_one_from_elsewhere_refused()
    {
        var server = sites.WithPublicUrl;

        var own = await PostCommentAsync(server, PublicUrl, forwardedProto: null);
        var foreign = await PostCommentAsync(server, "https://elsewhere.example", forwardedProto: null);

        Assert.Equal(HttpStatusCode.SeeOther, own.StatusCode);
        Assert.All(own.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task Without_a_public_url_cookies_on_plain_http_are_not_secure()
    {
        var server = sites.RequireServer();

        var response = await PostCommentAsync(server, server.Address.GetLeftPart(UriPartial.Authority), forwardedProto: null);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static int commentCounter;

    private static async Task<HttpResponseMessage> PostCommentAsync(HeraldTestServer server, string origin, string? forwardedProto)
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(server, 3);
        var number = Interlocked.Increment(ref commentCounter);
        var post = new CommentPost(articleId, $"Proxy comment number {number}: the ferry was late again today.", "Proxy Reader", $"proxy{number}@example.org");
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(await post.ToFieldsAsync(server)) };
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{number % 250}");
        }
        return await client.SendAsync(request);
    }

    private static async Task<AbsoluteUrls> AbsoluteUrlsAsync(HeraldTestServer server, string articleUrl, string? forwardedProto)
    {
        using var client = server.CreateClient();
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
        return await AbsoluteUrls.CollectAsync(client, articleUrl);
    }
}