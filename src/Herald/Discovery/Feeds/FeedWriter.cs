using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Herald.Articles;
using Herald.Articles.Protection;
using Herald.Site;

namespace Herald.Discovery.Feeds;

/// <summary>
/// Builds RSS 2.0 and Atom 1.0 documents with System.ServiceModel.Syndication, adding to RSS what
/// the specification asks for and the formatter leaves out: the feed's own address, bylines
/// (<see cref="RssExtensions"/>) and enclosures with their length in bytes.
/// </summary>
public static class FeedWriter
{
    public const int ItemCount = 20;
    /// <param name="pictureBytes">The size in bytes of each featured picture Herald stores, by its URL.</param>
    public static SyndicationFeed Build(
        IReadOnlyList<Article> articles, FeedScope scope, SiteSnapshot site, string origin, bool atom, IReadOnlyDictionary<string, long> pictureBytes)
    {
        var settings = site.Settings;
        var title = scope.Slug is null ? settings.Title : $"{scope.Title} – {settings.Title}";
        // RSS requires a description; a site without a tagline is described by its title.
        var description = string.IsNullOrWhiteSpace(settings.Tagline) ? title : settings.Tagline;
        var feed = new SyndicationFeed(title, atom ? description : FeedText.AsHtml(description), new Uri(origin + scope.HtmlPath))
        {
            Id = TagUri(origin, $"feed:{scope.Kind}:{scope.Slug ?? "all"}"),
            Language = "en",
            Generator = "Herald",
            LastUpdatedTime = articles.Count == 0 ? DateTimeOffset.UnixEpoch : LastChanged(articles),
        };
        var self = new Uri(origin + scope.FeedPath + (atom ? "/atom" : ""));
        if (atom)
        {
            feed.Links.Add(new SyndicationLink(self, "self", null, "application/atom+xml", 0));
            // Atom asks every entry for an author: the site stands for entries without a byline.
            feed.Authors.Add(new SyndicationPerson { Name = settings.Title, Uri = origin + ArticleUrls.Home });
        }
        else
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("atom", "http://www.w3.org/2000/xmlns/"), RssExtensions.AtomNamespace);
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), RssExtensions.DublinCoreNamespace);
            feed.ElementExtensions.Add(RssExtensions.SelfLink(self.AbsoluteUri));
        }
        feed.Items = articles.Select(a => Item(a, site, origin, atom, pictureBytes)).ToList();
        return feed;
    }

    /// <summary>The newest publication or update among the items: the feed's Last-Modified.</summary>
    public static DateTimeOffset LastChanged(IEnumerable<Article> articles) =>
        articles.Max(a => new DateTimeOffset(Changed(a), TimeSpan.Zero));

    public static async Task WriteAsync(SyndicationFeed feed, bool atom, Stream output, CancellationToken ct)
    {
        // The formatters write synchronously; the document of twenty items is built in memory, then sent.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false);
            formatter.WriteTo(writer);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>A story's corrections and updates as they end it on the page, for the HTML of an entry.</summary>
    private static string NotesHtml(Article article, SiteSnapshot site) => string.Concat(article.Notes.OrderBy(n => n.AddedAt).Select(n =>
        $"<p><strong>{(n.Kind == ArticleNoteKind.Correction ? "Correction" : "Update")}</strong>, {FeedText.AsHtml(Display.Date(n.AddedAt, site.Settings.TimeZone))}: {FeedText.AsHtml(n.Text)}</p>"));

    /// <summary>The same notes for an entry whose summary is plain text.</summary>
    private static string NotesText(Article article, SiteSnapshot site) => string.Concat(article.Notes.OrderBy(n => n.AddedAt).Select(n =>
        $"\n\n{(n.Kind == ArticleNoteKind.Correction ? "Correction" : "Update")}, {Display.Date(n.AddedAt, site.Settings.TimeZone)}: {n.Text}"));

    private static SyndicationItem Item(Article article, SiteSnapshot site, string origin, bool atom, IReadOnlyDictionary<string, long> pictureBytes)
    {
        var url = new Uri(origin + ArticleUrls.For(article.PublishedAt!.Value, article.Slug, site.Settings.TimeZone));
        var item = new SyndicationItem
        {
            // A tag: URI from the article's id and first publication: stable when the slug or headline changes.
            Id = TagUri(origin, $"article:{article.Id}", article.PublishedAt.Value),
            Title = new TextSyndicationContent(article.Headline),
            PublishDate = new DateTimeOffset(article.PublishedAt.Value, TimeSpan.Zero),
            LastUpdatedTime = new DateTimeOffset(Changed(article), TimeSpan.Zero),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
        var excerpt = article.Dek ?? article.Excerpt ?? "";
        if (PostPasswords.IsProtected(article))
        {
            // A feed reader cannot give a password: the entry says the story is protected, and no more.
            item.Summary = new TextSyndicationContent(PostPasswords.NoExcerpt);
        }
        else if (site.Settings.FeedFullText)
        {
            // RSS readers take the whole story from <description>; Atom from <content type="html">.
            if (atom)
            {
                item.Summary = new TextSyndicationContent(excerpt);
                item.Content = SyndicationContent.CreateHtmlContent(article.BodyHtml + NotesHtml(article, site));
            }
            else
            {
                item.Summary = new TextSyndicationContent(article.BodyHtml + NotesHtml(article, site), TextSyndicationContentKind.Html);
            }
        }
        else
        {
            item.Summary = atom
                ? new TextSyndicationContent(excerpt + NotesText(article, site))
                : new TextSyndicationContent(FeedText.AsHtml(excerpt) + NotesHtml(article, site), TextSyndicationContentKind.Html);
        }
        foreach (var byline in article.Authors.OrderBy(b => b.Position))
        {
            if (atom)
            {
                item.Authors.Add(new SyndicationPerson { Name = byline.Author.Name, Uri = origin + ArticleUrls.Author(byline.Author.Slug) });
            }
            else
            {
                item.ElementExtensions.Add(RssExtensions.Creator(byline.Author.Name));
            }
        }
        foreach (var category in article.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category.Name));
        }
        foreach (var tag in article.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag.Name));
        }
        if (article.FeaturedImage is { } image)
        {
            var address = new Uri(new Uri(origin), image.Url);
            // A picture kept elsewhere (an import's remote address) has no size Herald knows: RSS then asks for 0.
            var length = pictureBytes.GetValueOrDefault(image.Url);
            if (atom)
            {
                item.Links.Add(new SyndicationLink(address, "enclosure", image.Alt, ImageType(image.Url), length));
            }
            else
            {
                // Written by hand: the RSS formatter leaves out a length of 0, which RSS requires.
                item.ElementExtensions.Add(new XElement("enclosure",
                    new XAttribute("url", address.AbsoluteUri), new XAttribute("length", length), new XAttribute("type", ImageType(image.Url))));
            }
        }
        return item;
    }

    private static DateTime Changed(Article article) =>
        article.UpdatedAt is { } updated && updated > article.PublishedAt!.Value ? updated : article.PublishedAt!.Value;

    private static string TagUri(string origin, string specific, DateTime? date = null) =>
        $"tag:{new Uri(origin).Host},{(date ?? new DateTime(2026, 1, 1)):yyyy-MM-dd}:{specific}";

    private static string ImageType(string url) => Path.GetExtension(url).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };
}