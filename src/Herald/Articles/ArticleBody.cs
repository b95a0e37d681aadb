using AngleSharp.Html.Parser;
using Herald.WordPress;

namespace Herald.Articles;

/// <summary>
/// Renders an article body whatever it is written in: Markdown (stories written in Herald) or
/// HTML (stories imported from WordPress, kept as they were). Every path that needs the body's
/// HTML or plain text — saving, preview, indexing, analysis — goes through here, so they agree.
/// </summary>
public sealed class ArticleBody(MarkdownRenderer markdown)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// HTML bodies are WordPress content: rendered as WordPress showed them (paragraphs,
    /// shortcodes, no block comments), then sanitized like everything else. <paramref name="media"/>
    /// names the pictures a [gallery] shortcode may show; without it a gallery shows nothing.
    /// </summary>
    public string ToHtml(string source, BodyFormat format, ShortcodeMedia? media = null) => Render(source, format, media).Html;

    /// <summary>
    /// The HTML, or, for a body nested beyond what Herald renders, its text escaped together with
    /// the problem in words: the newsroom refuses such a body, an import keeps it as text.
    /// </summary>
    public RenderedBody Render(string source, BodyFormat format, ShortcodeMedia? media = null) => format switch
    {
        BodyFormat.Html => markdown.Sanitize(WordPressContent.Render(source, media), null),
        _ => markdown.Render(source),
    };

    public string ToPlainText(string source, BodyFormat format)
    {
        if (format != BodyFormat.Html)
        {
            return markdown.ToPlainText(source);
        }
        return HtmlToPlainText(ToHtml(source, format));
    }

    /// <summary>The text of already-rendered HTML, for callers that hold the rendered body.</summary>
    public static string HtmlToPlainText(string html)
    {
        var document = Parser.ParseDocument("<body>" + html + "</body>");
        return document.Body?.TextContent ?? "";
    }

    public string ToHtml(Article article) => ToHtml(article.BodySource, article.BodyFormat);

    public string ToPlainText(Article article) => ToPlainText(article.BodySource, article.BodyFormat);
}