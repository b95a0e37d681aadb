using System.Globalization;
using System.Text;
using System.Xml;

namespace Herald.Discovery.Sitemaps;

/// <summary>An XmlWriter straight onto the response body, in the sitemaps.org namespaces.</summary>
internal static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static XmlWriter Open(HttpResponse response)
    {
        response.ContentType = "application/xml; charset=utf-8";
        return XmlWriter.Create(response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
    }

    /// <summary>W3C datetime in UTC, as sitemaps and Google News expect.</summary>
    public static string W3c(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// A urlset of up to 50,000 entries, written with the synchronous XmlWriter into a small buffer that
/// goes to the response every few hundred URLs. The async XmlWriter costs several awaits per element,
/// which at 50,000 URLs was most of a page's time once the database read was cheap; memory stays flat
/// because only one chunk (about 100 KB) is held at a time.
/// </summary>
internal sealed class SitemapUrlSet : IAsyncDisposable
{
    private const int UrlsPerChunk = 500;
    private readonly MemoryStream chunk = new();
    private readonly Stream body;
    private readonly XmlWriter xml;
    private int pending;

    private SitemapUrlSet(HttpResponse response)
    {
        response.ContentType = "application/xml; charset=utf-8";
        body = response.Body;
        xml = XmlWriter.Create(chunk, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement(null, "urlset", SitemapXml.Namespace);
    }

    public static SitemapUrlSet Open(HttpResponse response) => new(response);

    public async ValueTask AddAsync(string location, DateTime? lastModified, CancellationToken ct)
    {
        xml.WriteStartElement(null, "url", SitemapXml.Namespace);
        xml.WriteElementString(null, "loc", SitemapXml.Namespace, location);
        if (lastModified is { } at)
        {
            xml.WriteElementString(null, "lastmod", SitemapXml.Namespace, SitemapXml.W3c(at));
        }
        xml.WriteEndElement();
        if (++pending == UrlsPerChunk)
        {
            await SendAsync(ct);
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        xml.Flush();
        await body.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), ct);
        chunk.SetLength(0);
        pending = 0;
    }

    /// <summary>Closes the urlset and sends what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
        await SendAsync(CancellationToken.None);
        xml.Dispose();
        await chunk.DisposeAsync();
    }
}