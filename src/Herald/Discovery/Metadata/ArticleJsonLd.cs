using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Site;

namespace Herald.Discovery.Metadata;

/// <summary>
/// schema.org NewsArticle and BreadcrumbList for an article page. Serialized with the default
/// encoder, which escapes &lt; &gt; &amp; so no headline can close the &lt;script&gt; element.
/// </summary>
public static class ArticleJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <param name="locked">The story's password was not given: nothing made from its words (description, word count, picture, corrections).</param>
    public static string NewsArticle(Article article, string origin, string canonicalPath, SiteSettings site, bool locked = false)
    {
        var url = origin + canonicalPath;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["headline"] = article.Headline,
            ["description"] = locked ? null : article.Dek ?? article.Excerpt,
            ["datePublished"] = Display.Iso(article.PublishedAt!.Value),
            ["dateModified"] = Display.Iso(article.UpdatedAt is { } updated && updated > article.PublishedAt.Value ? updated : article.PublishedAt.Value),
            ["author"] = new JsonArray(article.Authors.OrderBy(b => b.Position).Select(b => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = b.Author.Name,
                ["url"] = origin + ArticleUrls.Author(b.Author.Slug),
            }).ToArray()),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = site.Title,
                ["url"] = origin + ArticleUrls.Home,
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = origin + "/favicon.svg" },
            },
            ["wordCount"] = article.WordCount,
        };
        if (locked)
        {
            json.Remove("description");
            json.Remove("wordCount");
            if (article.Tags.Count > 0)
            {
                json["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode)t.Name).ToArray());
            }
            return json.ToJsonString(Options);
        }
        if (article.FeaturedImage is { } image && Hosting.SafeUrls.IsHttpOrRelative(image.Url))
        {
            json["image"] = new JsonArray(new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = new Uri(new Uri(origin), image.Url).ToString(),
                ["width"] = image.Width,
                ["height"] = image.Height,
            });
        }
        if (article.PrimaryCategory is { } section)
        {
            json["articleSection"] = section.Name;
        }
        var corrections = article.Notes.Where(n => n.Kind == ArticleNoteKind.Correction).OrderBy(n => n.AddedAt).ToList();
        if (corrections.Count > 0)
        {
            json["correction"] = new JsonArray(corrections.Select(n => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = n.Text,
                ["datePublished"] = Display.Iso(n.AddedAt),
            }).ToArray());
        }
        if (article.Tags.Count > 0)
        {
            json["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode)t.Name).ToArray());
        }
        return json.ToJsonString(Options);
    }

    public static string Breadcrumbs(Article article, string origin, string canonicalPath)
    {
        var crumbs = new List<(string Name, string Url)> { ("Home", origin + ArticleUrls.Home) };
        if (article.PrimaryCategory is { } section)
        {
            crumbs.Add((section.Name, origin + ArticleUrls.Category(section.Slug)));
        }
        crumbs.Add((article.Headline, origin + canonicalPath));
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray(crumbs.Select((c, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = c.Name,
                ["item"] = c.Url,
            }).ToArray()),
        };
        return json.ToJsonString(Options);
    }
}