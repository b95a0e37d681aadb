using System.Net;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>The comment demo site, where a test may post as a client at any address.</summary>
public sealed class AddressedCommentSiteFixture : SqliteSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        CommentTestSettings.Apply(services);
        SimulatedClientAddress.Register(services);
    }
}

/// <summary>
/// The two size and rate limits of the reply form: a post over the request cap gets a 413 that
/// says so with what fits kept in the form, and the rate limit counts an IPv6 /64 as one client.
/// </summary>
public sealed class CommentLimitTests(AddressedCommentSiteFixture fixture) : IClassFixture<AddressedCommentSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_comment_over_the_request_cap_gets_a_413_with_what_fits_kept()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 30);
        var words = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"word{i} "));
        Assert.True(words.Length > CommentLimits.RequestBytes);

        var response = await PostInBrowserOrderAsync("192.0.2.70", articleId, words);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = page.QuerySelector("#comment-error")!.TextContent;
        Assert.Contains($"at most 5,000 characters; this one has {words.Length:N0}", problem);
        Assert.Equal(words[..5000], page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal("Verbose Reader", page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Equal("verbose@example.org", page.QuerySelector("input[name='Form.Email']")!.GetAttribute("value"));
        Assert.Equal(url, page.QuerySelector(".comment-problem-page p a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#form-problem"));
        Assert.DoesNotContain("does not exist", page.Body!.TextContent);
        Assert.DoesNotContain("Write a comment", page.Body.TextContent);
    }

    [Fact]
    public async Task A_post_far_over_the_cap_is_cut_where_reading_stops_and_still_answered_413()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 31);
        var response = await PostInBrowserOrderAsync("192.0.2.71", articleId, new string('x', 3 * CommentLimits.ReadBytes));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("this one has more than", page.QuerySelector("#comment-error")!.TextContent);
        Assert.Equal(5000, page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n').Length);
    }

    [Fact]
    public async Task Ipv6_addresses_in_one_64_share_the_rate_limit_and_ipv4_addresses_do_not()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 32);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            // A new address for every post, all in 2001:db8:7:8::/64.
            statuses.Add((await PostAsync($"2001:db8:7:8::{i:x}", articleId, $"Comment {i} from the same network")).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.SeeOther, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync("2001:db8:7:9::1", articleId, "From the next network")).StatusCode);

        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync($"192.0.2.{i}", articleId, $"IPv4 comment {i}")).StatusCode);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string client, int articleId, string body)
    {
        using var visitor = Visitor.Create(Server);
        var fields = await new CommentPost(articleId, body, "Network Reader", $"reader-{client.Replace(':', '-')}@example.org").ToFieldsAsync(Server);
        return await SendAsync(visitor, client, new FormUrlEncodedContent(fields));
    }

    /// <summary>Fields in the order a browser sends them: the comment first, the hidden fields last.</summary>
    private async Task<HttpResponseMessage> PostInBrowserOrderAsync(string client, int articleId, string body)
    {
        using var visitor = Visitor.Create(Server);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Body", body),
            new("Form.Name", "Verbose Reader"),
            new("Form.Email", "verbose@example.org"),
            new("Form.Website", ""),
            new("Form.Homepage", ""),
            new("Form.ArticleId", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.ParentId", ""),
            new("Form.Started", await CommentData.StampAsync(Server, TimeSpan.FromSeconds(30))),
            new("Form.Token", ""),
        };
        return await SendAsync(visitor, client, new FormUrlEncodedContent(fields));
    }

    private async Task<HttpResponseMessage> SendAsync(Visitor visitor, string client, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = content };
        request.Headers.Add("Origin", Server.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add(SimulatedClientAddress.Header, client);
        return await visitor.Client.SendAsync(request);
    }
}