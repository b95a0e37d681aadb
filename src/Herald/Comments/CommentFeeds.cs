using System.Globalization;
using System.Text;
using System.Xml;
using Herald.Articles;
using Herald.Discovery.Feeds;
using Herald.Hosting;
using Herald.Hosting.ReverseProxy;
using Herald.Site;

namespace Herald.Comments;

/// <summary>
/// RSS 2.0 feeds of approved comments: one per article and one for the whole site. Built from
/// <see cref="PublicComment"/>, so there is no e-mail to leak; the item author is the display name
/// in dc:creator, as RSS's own author element would require an address.
/// </summary>
public static class CommentFeeds
{
    private const int ItemCount = 30;

    public static async Task<IResult> SiteFeedAsync(HttpContext context, CommentQueries comments, SiteState site, TimeProvider clock, CancellationToken ct)
    {
        var snapshot = await site.GetAsync(ct);
        var items = await comments.LatestApprovedAsync(null, ItemCount, clock.GetUtcNow().UtcDateTime, ct);
        context.TagResponse(CacheTags.Feeds, CacheTags.CommentsFeed);
        return Write(context, $"Comments for {snapshot.Settings.Title}", "/", items, snapshot.Settings.TimeZone);
    }

    public static async Task<IResult> ArticleFeedAsync(
        HttpContext context, int year, int month, string slug, ArticleQueries articles, CommentQueries comments,
        SiteState site, TimeProvider clock, CancellationToken ct)
    {
        if (slug.Length > 200)
        {
            return Results.NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        var zone = snapshot.Settings.TimeZone;
        var article = await articles.FindPublishedBySlugAsync(slug, ct);
        if (article is null || ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone) != $"{ArticleUrls.Month(year, month)}/{Uri.EscapeDataString(slug)}")
        {
            return Results.NotFound();
        }
        var items = await comments.LatestApprovedAsync(article.Id, ItemCount, clock.GetUtcNow().UtcDateTime, ct);
        context.TagResponse(CacheTags.Feeds, CacheTags.Article(article.Id), CacheTags.CommentsFeed);
        return Write(context, $"Comments on: {article.Headline}", ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone), items, zone);
    }

    private static IResult Write(HttpContext context, string title, string path, IReadOnlyList<FeedComment> items, TimeZoneInfo zone)
    {
        var origin = context.PublicOrigin();
        var buffer = new StringBuilder();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, CheckCharacters = false }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "dc", null, RssExtensions.DublinCoreNamespace);
            xml.WriteAttributeString("xmlns", "atom", null, RssExtensions.AtomNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", Clean(title));
            xml.WriteElementString("link", origin + path);
            RssExtensions.SelfLink(origin + context.Request.Path).WriteTo(xml);
            xml.WriteElementString("description", FeedText.AsHtml(Clean(title)));
            xml.WriteElementString("language", "en");
            if (items.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", items[0].Comment.CreatedAt.ToString("R", CultureInfo.InvariantCulture));
            }
            foreach (var item in items)
            {
                var comment = item.Comment;
                var link = $"{origin}{ArticleUrls.For(item.ArticlePublishedAt, item.Slug, zone)}#{comment.Anchor}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", Clean($"By {comment.AuthorName} on {item.Headline}"));
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                RssExtensions.Creator(Clean(comment.AuthorName)).WriteTo(xml);
                xml.WriteElementString("pubDate", comment.CreatedAt.ToString("R", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", Clean(CommentText.ToHtml(comment.Body).Value ?? ""));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return Results.Text(buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal),
            "application/rss+xml; charset=utf-8");
    }

    /// <summary>XML 1.0 cannot carry some characters a comment may hold; they are dropped from the feed.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }
        return clean.ToString();
    }
}