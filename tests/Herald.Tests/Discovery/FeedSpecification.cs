using System.Globalization;
using System.Xml.Linq;

namespace Herald.Tests.Discovery;

/// <summary>
/// What RSS 2.0 (with the RSS Advisory Board's profile: atom:link rel="self") and Atom 1.0
/// (RFC 4287) require of a feed, checked element by element. Each check returns the problems
/// found, worded for the test's failure message.
/// </summary>
public static class FeedSpecification
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IEnumerable<string> RssProblems(XDocument document, string selfUrl)
    {
        var rss = document.Root!;
        if (rss.Name != "rss" || rss.Attribute("version")?.Value != "2.0")
        {
            yield return "the root is not <rss version=\"2.0\">";
            yield break;
        }
        var channel = rss.Element("channel");
        if (channel is null)
        {
            yield return "no <channel>";
            yield break;
        }
        foreach (var required in new[] { "title", "link", "description" })
        {
            if (string.IsNullOrWhiteSpace(channel.Element(required)?.Value))
            {
                yield return $"the channel has no {required}";
            }
        }
        var self = channel.Elements(Atom + "link").FirstOrDefault(l => l.Attribute("rel")?.Value == "self");
        if (self?.Attribute("href")?.Value != selfUrl || self.Attribute("type")?.Value != "application/rss+xml")
        {
            yield return $"no atom:link rel=\"self\" naming {selfUrl} as application/rss+xml";
        }
        foreach (var (item, index) in channel.Elements("item").Select((item, index) => (item, index)))
        {
            var where = $"item {index + 1}";
            if (item.Element("title") is null && item.Element("description") is null)
            {
                yield return $"{where} has neither title nor description";
            }
            if (string.IsNullOrWhiteSpace(item.Element("link")?.Value) || string.IsNullOrWhiteSpace(item.Element("guid")?.Value))
            {
                yield return $"{where} lacks a link or a guid";
            }
            if (!DateTimeOffset.TryParseExact(item.Element("pubDate")?.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && !DateTimeOffset.TryParseExact(item.Element("pubDate")?.Value, "ddd, dd MMM yyyy HH:mm:ss 'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                yield return $"{where} has no RFC 822 pubDate";
            }
            if (item.Elements(DublinCore + "creator").All(c => string.IsNullOrWhiteSpace(c.Value)) && item.Element("author") is null)
            {
                yield return $"{where} names no author (dc:creator or author)";
            }
            foreach (var enclosure in item.Elements("enclosure"))
            {
                if (!Uri.TryCreate(enclosure.Attribute("url")?.Value, UriKind.Absolute, out _)
                    || !long.TryParse(enclosure.Attribute("length")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    || string.IsNullOrEmpty(enclosure.Attribute("type")?.Value))
                {
                    yield return $"{where} has an enclosure without an absolute url, a length in bytes and a type";
                }
            }
        }
    }

    public static IEnumerable<string> AtomProblems(XDocument document, string selfUrl)
    {
        var feed = document.Root!;
        if (feed.Name != Atom + "feed")
        {
            yield return "the root is not an Atom <feed>";
            yield break;
        }
        foreach (var required in new[] { "id", "title", "updated" })
        {
            if (string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value))
            {
                yield return $"the feed has no {required}";
            }
        }
        if (!feed.Elements(Atom + "link").Any(l => l.Attribute("rel")?.Value == "self" && l.Attribute("href")?.Value == selfUrl))
        {
            yield return $"no link rel=\"self\" naming {selfUrl}";
        }
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => !string.IsNullOrWhiteSpace(a.Element(Atom + "name")?.Value));
        foreach (var (entry, index) in feed.Elements(Atom + "entry").Select((entry, index) => (entry, index)))
        {
            var where = $"entry {index + 1}";
            foreach (var required in new[] { "id", "title", "updated" })
            {
                if (string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value))
                {
                    yield return $"{where} has no {required}";
                }
            }
            if (!feedHasAuthor && !entry.Elements(Atom + "author").Any(a => !string.IsNullOrWhiteSpace(a.Element(Atom + "name")?.Value)))
            {
                yield return $"{where} has no author, and neither has the feed";
            }
            if (!entry.Elements(Atom + "link").Any(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate") && entry.Element(Atom + "content") is null)
            {
                yield return $"{where} has neither an alternate link nor content";
            }
        }
    }
}