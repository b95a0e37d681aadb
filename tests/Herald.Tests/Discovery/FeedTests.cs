using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Herald.Discovery.Feeds;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Discovery;

/// <summary>RSS and Atom feeds read back by System.ServiceModel.Syndication's own parsers, on both databases.</summary>
public abstract class FeedTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    private async Task<(HttpResponseMessage Response, string Xml)> GetAsync(string path)
    {
        using var client = Server.CreateClient();
        var response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static SyndicationFeed Parse(string xml, bool atom)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), "the document is not the feed format it claims");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [SkippableFact]
    public async Task Rss_feed_parses_with_rfc822_dates_stable_guids_and_links()
    {
        var (response, xml) = await GetAsync("/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Parse(xml, atom: false);
        Assert.Equal("The Harbour Herald", feed.Title.Text);
        Assert.Equal(20, feed.Items.Count());
        Assert.All(feed.Items, item =>
        {
            Assert.StartsWith("tag:127.0.0.1,", item.Id);
            Assert.Equal(TimeSpan.Zero, item.PublishDate.Offset);
            Assert.Matches(@"^/\d{4}/\d\d/[a-z0-9-]+$", item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsolutePath);
            Assert.NotEmpty(item.Summary.Text);
        });
        var document = XDocument.Parse(xml);
        Assert.All(document.Descendants("pubDate"), date => Assert.Matches(@"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d (Z|GMT|\+0000)$", date.Value));
        Assert.All(document.Descendants("guid"), guid => Assert.Equal("false", guid.Attribute("isPermaLink")?.Value));
        var dates = feed.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal((await GetAsync("/feed")).Xml, xml);
    }

    [SkippableFact]
    public async Task Atom_feed_parses_with_rfc3339_dates_and_the_same_ids()
    {
        var (response, xml) = await GetAsync("/feed/atom");
        var (_, rss) = await GetAsync("/feed");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Parse(xml, atom: true);
        Assert.Equal(Parse(rss, atom: false).Items.Select(i => i.Id), feed.Items.Select(i => i.Id));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var document = XDocument.Parse(xml);
        Assert.All(document.Descendants(atom + "updated").Concat(document.Descendants(atom + "published")),
            date => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", date.Value));
        Assert.All(feed.Items, item => Assert.NotEmpty(item.Authors));
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsolutePath == "/feed/atom");
    }

    [SkippableTheory]
    [InlineData("/category/politics/feed", "Politics")]
    [InlineData("/author/jose-nunez/feed/atom", null)]
    public async Task Section_tag_and_author_feeds_list_only_their_articles(string path, string? section)
    {
        var (response, xml) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Parse(xml, atom: path.EndsWith("/atom", StringComparison.Ordinal));
        Assert.NotEmpty(feed.Items);
        if (section is not null)
        {
            Assert.All(feed.Items, item => Assert.Contains(item.Categories, c => c.Name == section));
        }
        else
        {
            Assert.All(feed.Items, item => Assert.Contains(item.Authors, a => a.Uri.EndsWith("/author/jose-nunez", StringComparison.Ordinal)));
        }
        using var client = Server.CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        var (_, article) = await client.GetPageAsync(home.ArticleLinks()[0]);
        var tag = article.QuerySelector("a[rel=tag]")!;
        var tagFeed = Parse((await GetAsync(tag.GetAttribute("href") + "/feed")).Xml, atom: false);
        Assert.NotEmpty(tagFeed.Items);
        Assert.All(tagFeed.Items, item => Assert.Contains(item.Categories, c => c.Name == tag.TextContent));
    }

    [SkippableTheory]
    [InlineData("/category/politics")]
    [InlineData("/author/jose-nunez")]
    public async Task A_scoped_feed_lists_the_stories_its_archive_pages_show_in_the_same_order(string archive)
    {
        // Both read the archive index: a story filed in a second section is in both, a draft or a
        // scheduled story in neither.
        using var client = Server.CreateClient();
        var shown = new List<string>();
        for (var page = 1; shown.Count < FeedWriter.ItemCount; page++)
        {
            var (_, document) = await client.GetPageAsync($"{archive}?page={page}");
            var links = document.ArticleLinks();
            if (links.Count == 0)
            {
                break;
            }
            shown.AddRange(links);
        }
        var feed = Parse((await GetAsync(archive + "/feed")).Xml, atom: false);

        Assert.NotEmpty(shown);
        Assert.Equal(shown.Take(FeedWriter.ItemCount), feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsolutePath));
    }

    [SkippableFact]
    public async Task Every_public_feed_carries_what_its_specification_requires()
    {
        using var client = Server.CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        var articlePath = home.ArticleLinks()[0];
        var (_, article) = await client.GetPageAsync(articlePath);
        var tagPath = article.QuerySelector("a[rel=tag]")!.GetAttribute("href")!;
        var feeds = new[]
        {
            "/feed", "/category/politics/feed", tagPath + "/feed", "/author/jose-nunez/feed",
            "/feed/atom", "/category/politics/feed/atom", tagPath + "/feed/atom", "/author/jose-nunez/feed/atom",
            "/comments/feed", articlePath + "/comments/feed",
        };

        var enclosures = new List<XElement>();
        foreach (var path in feeds)
        {
            var (response, xml) = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = XDocument.Parse(xml);
            var self = new Uri(client.BaseAddress!, path).AbsoluteUri;
            var problems = path.EndsWith("/atom", StringComparison.Ordinal)
                ? FeedSpecification.AtomProblems(document, self).ToList()
                : FeedSpecification.RssProblems(document, self).ToList();
            Assert.True(problems.Count == 0, $"{path}: {string.Join("; ", problems)}");
            enclosures.AddRange(document.Descendants("enclosure"));
        }
        // The demo's pictures are Herald's own files: their feeds give each one's real size.
        Assert.NotEmpty(enclosures);
        Assert.All(enclosures, e => Assert.True(long.Parse(e.Attribute("length")!.Value, CultureInfo.InvariantCulture) > 0, e.ToString()));
    }

    [SkippableFact]
    public async Task Unknown_scopes_answer_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/category/no-such-section/feed")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/tag/" + new string('x', 300) + "/feed")).Response.StatusCode);
    }

    [SkippableFact]
    public async Task Feeds_answer_conditional_gets_with_304()
    {
        using var client = Server.CreateClient();
        var first = await client.GetAsync("/feed");
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feed");
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feed/atom");
        byDate.Headers.IfModifiedSince = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_announce_their_feeds_in_the_head()
    {
        using var client = Server.CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        var (_, section) = await client.GetPageAsync("/category/politics");

        Assert.NotNull(home.QuerySelector("head link[rel=alternate][type='application/rss+xml'][href='/feed']"));
        Assert.NotNull(home.QuerySelector("head link[rel=alternate][type='application/atom+xml'][href='/feed/atom']"));
        Assert.NotNull(section.QuerySelector("head link[rel=alternate][href='/category/politics/feed']"));
    }
}

public sealed class SqliteFeedTests(SqliteSiteFixture fixture) : FeedTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresFeedTests(PostgresSiteFixture fixture) : FeedTests(fixture), IClassFixture<PostgresSiteFixture>;