using System.Text.Encodings.Web;
using Herald.Site;
using Microsoft.AspNetCore.Html;

namespace Herald.Articles.Pages;

/// <summary>
/// A story's card in a list (home, section, tag, author, month, topic pages), written straight to the page.
/// It was a partial view, and a partial costs a view look-up, a view activated through DI (five helpers
/// injected each time), a tag helper and a buffer of its own: for the twenty cards of a section page that
/// was more CPU than the page's SQL (bench/RESULTS.md, "Fixed per-request cost"). The bytes are the ones
/// the partial wrote, encoded by the page's own encoder.
/// </summary>
public sealed class ArticleCard(ArticleSummary article, TimeZoneInfo zone, bool lead, int headingLevel) : IHtmlContent
{
    /// <summary>
    /// Cards of a list, each on a line of its own after <paramref name="indent"/> spaces: a page writes the list
    /// straight after the opening tag, and the line break before its closing tag ends the last card.
    /// </summary>
    public static IHtmlContent List(IEnumerable<ArticleSummary> articles, TimeZoneInfo zone, bool lead, int headingLevel, int indent) =>
        new CardList(articles, zone, lead, headingLevel, indent);

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var url = article.Url(zone);
        writer.Write(lead ? "<article class=\"card card-lead\">\n" : "<article class=\"card\">\n");
        if (article.ImageUrl is not null)
        {
            writer.Write("        <a class=\"card-image\" href=\"");
            encoder.Encode(writer, url);
            writer.Write("\" tabindex=\"-1\" aria-hidden=\"true\">\n            <img class=\"focal ");
            encoder.Encode(writer, article.ImageFocusClasses);
            writer.Write("\" src=\"");
            encoder.Encode(writer, article.ImageUrl);
            writer.Write('"');
            // An attribute whose whole value is null is left out, as Razor leaves it out.
            if (article.ImageSrcset is not null)
            {
                writer.Write(" srcset=\"");
                encoder.Encode(writer, article.ImageSrcset);
                writer.Write(lead ? "\" sizes=\"(min-width: 60rem) 40rem, 100vw\"" : "\" sizes=\"(min-width: 60rem) 20rem, 100vw\"");
            }
            writer.Write(lead
                ? " alt=\"\" width=\"1200\" height=\"675\" loading=\"eager\" decoding=\"async\">\n        </a>\n"
                : " alt=\"\" width=\"1200\" height=\"675\" loading=\"lazy\" decoding=\"async\">\n        </a>\n");
        }
        writer.Write("    <div class=\"card-text\">\n");
        if (article is { CategoryName: not null, CategorySlug: not null })
        {
            writer.Write("            <a class=\"kicker\" href=\"");
            encoder.Encode(writer, ArticleUrls.Category(article.CategorySlug));
            writer.Write("\">");
            encoder.Encode(writer, article.CategoryName);
            writer.Write("</a>\n");
        }
        writer.Write(headingLevel == 2 ? "            <h2 class=\"card-headline\"><a href=\"" : "            <h3 class=\"card-headline\"><a href=\"");
        encoder.Encode(writer, url);
        writer.Write("\">");
        encoder.Encode(writer, article.Headline);
        writer.Write(headingLevel == 2 ? "</a></h2>\n" : "</a></h3>\n");
        if (article.IsProtected)
        {
            writer.Write("            <p class=\"card-dek card-protected\">");
            encoder.Encode(writer, Protection.PostPasswords.NoExcerpt);
            writer.Write("</p>\n");
        }
        else if (article.Dek is not null)
        {
            writer.Write("            <p class=\"card-dek\">");
            encoder.Encode(writer, article.Dek);
            writer.Write("</p>\n");
        }
        writer.Write("        <p class=\"card-meta\">\n            <time datetime=\"");
        encoder.Encode(writer, Display.Iso(article.PublishedAt));
        writer.Write("\">");
        encoder.Encode(writer, Display.Date(article.PublishedAt, zone));
        writer.Write("</time>\n");
        if (article.Authors.Count > 0)
        {
            writer.Write("                <span> · ");
            encoder.Encode(writer, string.Join(", ", article.Authors.Select(a => a.Name)));
            writer.Write("</span>\n");
        }
        if (article.CommentCount > 0)
        {
            writer.Write("                <span> · <a class=\"card-comments\" href=\"");
            encoder.Encode(writer, url);
            writer.Write("#comments\">");
            encoder.Encode(writer, CommentCounts.Label(article.CommentCount));
            writer.Write("</a></span>\n");
        }
        writer.Write("        </p>\n    </div>\n</article>\n");
    }

    private sealed class CardList(IEnumerable<ArticleSummary> articles, TimeZoneInfo zone, bool lead, int headingLevel, int indent) : IHtmlContent
    {
        private readonly string lineStart = "\n" + new string(' ', indent);

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            foreach (var article in articles)
            {
                writer.Write(lineStart);
                new ArticleCard(article, zone, lead, headingLevel).WriteTo(writer, encoder);
            }
        }
    }
}