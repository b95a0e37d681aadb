using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Herald.Tests.Security;

/// <summary>
/// What Herald's feeds and WordPress API look like to the programs that read them: a feed reader
/// or an RSS-to-email tool puts an item's HTML fields (RSS description and content:encoded, Atom
/// content of type html) into a page as HTML and its text fields as text; a headless theme does
/// the same with the API's "rendered" fields and puts addresses into href and src. These pages are
/// served from the beacon, without Herald's content policy, as a reader's own pages would be.
/// </summary>
public static class XssReaders
{
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    public static void AppendFeed(StringBuilder html, string xml)
    {
        var document = XDocument.Parse(xml);
        foreach (var item in document.Descendants("item"))
        {
            html.Append("<article>");
            Text(html, "h2", (string?)item.Element("title"));
            Link(html, (string?)item.Element("link"));
            Markup(html, (string?)item.Element("description"));
            Markup(html, (string?)item.Element(ContentNs + "encoded"));
            foreach (var category in item.Elements("category"))
            {
                Text(html, "span", category.Value);
            }
            if (item.Element("enclosure")?.Attribute("url")?.Value is { } picture)
            {
                html.Append("<img src=\"").Append(WebUtility.HtmlEncode(picture)).Append("\">");
            }
            html.Append("</article>\n");
        }
        foreach (var entry in document.Descendants(AtomNs + "entry"))
        {
            html.Append("<article>");
            foreach (var part in new[] { "title", "summary", "content" }.Select(n => entry.Element(AtomNs + n)).OfType<XElement>())
            {
                if ((string?)part.Attribute("type") is "html" or "xhtml")
                {
                    Markup(html, part.Value);
                }
                else
                {
                    Text(html, "p", part.Value);
                }
            }
            foreach (var link in entry.Elements(AtomNs + "link"))
            {
                Link(html, (string?)link.Attribute("href"));
            }
            html.Append("</article>\n");
        }
    }

    /// <summary>One item of a WordPress API list: post, page, comment, picture, term or user.</summary>
    public static void AppendApiItem(StringBuilder html, JsonNode item)
    {
        html.Append("<article>");
        foreach (var field in new[] { "title", "content", "excerpt", "caption", "description" })
        {
            switch (item[field])
            {
                case JsonObject rendered:
                    Markup(html, (string?)rendered["rendered"]);
                    break;
                // Term descriptions are HTML in WordPress (filtered on save); themes print them as such.
                case JsonValue value when field == "description":
                    Markup(html, (string?)value);
                    break;
            }
        }
        foreach (var field in new[] { "name", "author_name", "alt_text", "slug" })
        {
            Text(html, "p", (string?)item[field]);
        }
        foreach (var field in new[] { "link", "author_url" })
        {
            Link(html, (string?)item[field]);
        }
        if ((string?)item["source_url"] is { Length: > 0 } source)
        {
            html.Append("<img alt=\"").Append(WebUtility.HtmlEncode((string?)item["alt_text"] ?? "")).Append("\" src=\"").Append(WebUtility.HtmlEncode(source)).Append("\">");
        }
        html.Append("</article>\n");
    }

    public static string Page(string title, StringBuilder body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>{body}</body></html>";

    private static void Markup(StringBuilder html, string? fragment)
    {
        if (!string.IsNullOrEmpty(fragment))
        {
            html.Append("<div>").Append(fragment).Append("</div>");
        }
    }

    private static void Text(StringBuilder html, string tag, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append('>');
        }
    }

    private static void Link(StringBuilder html, string? url)
    {
        if (!string.IsNullOrEmpty(url))
        {
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">link</a>");
        }
    }
}