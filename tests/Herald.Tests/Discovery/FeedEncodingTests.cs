using System.Net;
using System.Xml.Linq;
using Herald.Accounts;
using Herald.Comments;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Discovery;

/// <summary>
/// Plain text in RSS: what a newsroom or a commenter typed reaches feed readers as the same
/// text, however it is read. RSS's description is HTML, so it must decode (XML, then HTML) to
/// the literal words with no element in it; titles are plain text and decode (XML) to the words.
/// </summary>
public sealed class FeedEncodingTests(SqliteCommentSiteFixture fixture) : IClassFixture<SqliteCommentSiteFixture>
{
    private const string Headline = "Profits < forecasts & more <em>than expected</em>";
    private const string Dek = "Profits < forecasts & more <img src=x onerror=alert('dek')> \"quoted\" & 'single'";

    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_dek_with_markup_characters_reads_as_typed_in_the_rss_description()
    {
        var id = await PublishAsync();
        using var client = Server.CreateClient();

        foreach (var path in new[] { "/feed", $"/author/{await AuthorSlugAsync(id)}/feed" })
        {
            var item = Item(XDocument.Parse(await client.GetStringAsync(path)), Headline);
            AssertPlainTextInHtml(Dek, item.Element("description")!.Value);
        }
    }

    [Fact]
    public async Task The_atom_feed_keeps_the_dek_as_text()
    {
        await PublishAsync();
        using var client = Server.CreateClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = XDocument.Parse(await client.GetStringAsync("/feed/atom")).Descendants(atom + "entry")
            .First(e => e.Element(atom + "title")!.Value == Headline);

        var summary = entry.Element(atom + "summary")!;
        Assert.Equal("text", summary.Attribute("type")?.Value ?? "text");
        Assert.Equal(Dek, summary.Value);
    }

    [Fact]
    public async Task Commenter_names_and_headlines_read_as_typed_in_the_comment_feeds()
    {
        var id = await PublishAsync();
        var url = await NewsroomWriting.PublicUrlAsync(Server, id);
        const string name = "<img src=x onerror=alert('name')> & Co";
        const string words = "Bold <b>claims</b> & <script>alert('body')</script> deserve a reply.";
        using (var visitor = Visitor.Create(Server))
        {
            var comment = await visitor.PostAcceptedAsync(new CommentPost(id, words, name, "feed-reader@example.org"));
            await CommentData.ModerateAsync(Server, ModerationAction.Approve, comment);
        }

        using var client = Server.CreateClient();
        foreach (var path in new[] { $"{url}/comments/feed", "/comments/feed" })
        {
            var feed = XDocument.Parse(await client.GetStringAsync(path));
            var item = Item(feed, $"By {name} on {Headline}");
            XNamespace dc = "http://purl.org/dc/elements/1.1/";
            Assert.Equal(name, item.Element(dc + "creator")!.Value);
            var body = Html.Parse("<body>" + item.Element("description")!.Value + "</body>").Body!;
            Assert.Equal(words, body.TextContent);
            Assert.Empty(body.QuerySelectorAll("*:not(p):not(br)"));
        }
        var channel = XDocument.Parse(await client.GetStringAsync($"{url}/comments/feed")).Root!.Element("channel")!;
        Assert.Equal($"Comments on: {Headline}", channel.Element("title")!.Value);
        AssertPlainTextInHtml($"Comments on: {Headline}", channel.Element("description")!.Value);
    }

    /// <summary>An HTML field carrying plain text: its HTML holds no element and its text is the words.</summary>
    private static void AssertPlainTextInHtml(string expected, string html)
    {
        var body = Html.Parse("<body>" + html + "</body>").Body!;
        Assert.Empty(body.Children);
        Assert.Equal(expected, body.TextContent);
        Assert.Equal(expected, WebUtility.HtmlDecode(html));
    }

    private static XElement Item(XDocument feed, string title) =>
        feed.Descendants("item").FirstOrDefault(i => i.Element("title")!.Value == title)
        ?? throw new Xunit.Sdk.XunitException($"no item titled \"{title}\" in the feed");

    private async Task<int> PublishAsync()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "feed-editor@example.org", Roles.Editor);
        return await editor.WriteAsync(Headline, "The quarter in numbers.", "publish", ("Form.Dek", Dek), ("Form.CommentStatus", "Open"));
    }

    private async Task<string> AuthorSlugAsync(int id) =>
        (await NewsroomWriting.LoadAsync(Server, id)).Authors.Select(a => a.Author.Slug).First();
}