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

    public static async Task WriteUrlAsync(XmlWriter xml, string location, DateTime? lastModified)
    {
        await xml.WriteStartElementAsync(null, "url", Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        if (lastModified is { } at)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, W3c(at));
        }
        await xml.WriteEndElementAsync();
    }
}