using System.Net;
using Herald.Articles;
using Herald.Tests.Infrastructure;
using Herald.Text;

namespace Herald.Tests.Articles;

/// <summary>
/// One spelling for every public address: what the site writes never ends in a slash (but the
/// home page), and a request in the other spelling is sent there with a 301.
/// </summary>
public sealed class ArticleUrlTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public void The_vocabulary_spells_each_kind_of_address_once()
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        // 23:30 UTC on 31 January is already February in Oslo.
        Assert.Equal("/2026/02/harbour-news", ArticleUrls.For(new DateTime(2026, 1, 31, 23, 30, 0, DateTimeKind.Utc), "harbour-news", oslo));
        Assert.Equal("/about", ArticleUrls.For(ArticleKind.Page, null, "about", oslo));
        Assert.Equal("/category/politics", ArticleUrls.Category("politics"));
        Assert.Equal("/tag/ferries", ArticleUrls.Tag("ferries"));
        Assert.Equal("/author/ada-lind", ArticleUrls.Author("ada-lind"));
        Assert.Equal("/2026/03", ArticleUrls.Month(2026, 3));
        Assert.Equal("/people/anders-falk", ArticleUrls.Topic(EntityType.Person, "anders-falk"));
        Assert.Equal(EntityType.Organization, ArticleUrls.TopicType(ArticleUrls.TopicFolder(EntityType.Organization)));
        Assert.Equal("/tag/ferries/feed/atom", ArticleUrls.FeedOf(ArticleUrls.Tag("ferries"), atom: true));
        Assert.Equal("/2026/02/x/comments/feed", ArticleUrls.CommentFeedOf("/2026/02/x"));
        Assert.Equal("/tag/%C3%A6rlig", ArticleUrls.Tag("ærlig"));
    }

    [Theory]
    [InlineData("/category/politics/", "/category/politics")]
    [InlineData("/tag/some-tag/", "/tag/some-tag")]
    [InlineData("/category/politics/feed/", "/category/politics/feed")]
    [InlineData("/2026/10/", "/2026/10")]
    [InlineData("/people/anders-falk/", "/people/anders-falk")]
    [InlineData("/feed/", "/feed")]
    [InlineData("/search/?q=harbour", "/search?q=harbour")]
    [InlineData("/category/politics//", "/category/politics")]
    [InlineData("/newsroom/", "/newsroom")]
    // A doubled slash must not become "//host", which a browser reads as another site.
    [InlineData("//evil.example/", "/evil.example")]
    [InlineData("/\\evil.example/", "/evil.example")]
    public void A_final_slash_is_dropped_and_nothing_else(string path, string expected)
    {
        var mark = path.IndexOf('?');
        var canonical = ArticleUrls.WithoutTrailingSlash(mark < 0 ? path : path[..mark]);
        Assert.Equal(expected, canonical + (mark < 0 ? "" : path[mark..]));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/category/politics")]
    [InlineData("/wp-json/")]
    [InlineData("/wp-json/wp/v2/posts/")]
    public void Canonical_addresses_and_the_wordpress_api_are_left_alone(string path) =>
        Assert.Null(ArticleUrls.WithoutTrailingSlash(path));

    [Fact]
    public async Task Every_kind_of_public_address_answers_301_from_its_slashed_spelling()
    {
        using var client = Server.CreateClient();
        var article = (await client.GetPageAsync("/")).Document.ArticleLinks()[0];
        var (_, page) = await client.GetPageAsync(article);
        var author = page.QuerySelector("a[rel=author]")!.GetAttribute("href")!;
        var tag = page.QuerySelector("a[rel=tag]")!.GetAttribute("href")!;
        var section = page.QuerySelector("a.kicker")!.GetAttribute("href")!;
        var paths = new[]
        {
            article, author, tag, section, section + "/feed", ArticleUrls.Feed, ArticleUrls.AtomFeed, ArticleUrls.CommentFeed,
            article[..article.LastIndexOf('/')], "/people/anders-falk", "/search",
        };
        foreach (var path in paths)
        {
            Assert.False(path.EndsWith('/'), $"the site wrote {path}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            var slashed = await client.GetAsync(path + "/?page=1");
            Assert.Equal(HttpStatusCode.MovedPermanently, slashed.StatusCode);
            Assert.Equal(path + "?page=1", slashed.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_form_posted_to_a_slashed_address_is_not_turned_into_a_get()
    {
        using var client = Server.CreateClient();
        var response = await client.PostAsync("/newsroom/login/", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Fact]
    public async Task Links_on_public_pages_use_the_one_spelling()
    {
        using var client = Server.CreateClient();
        var article = (await client.GetPageAsync("/")).Document.ArticleLinks()[0];
        foreach (var path in new[] { "/", article, "/category/politics", "/people/anders-falk", "/search?q=harbour" })
        {
            var (_, page) = await client.GetPageAsync(path);
            var local = page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!)
                .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                .Select(href => href.Split('?', '#')[0])
                .ToList();
            Assert.NotEmpty(local);
            Assert.All(local, href => Assert.True(href == "/" || !href.EndsWith('/'), $"{path} links to {href}"));
        }
    }
}