using Herald.Articles;

namespace Herald.WordPress;

/// <summary>
/// Renders bodies kept as HTML (stories imported from WordPress): as WordPress showed them
/// (paragraphs, shortcodes, no block comments), then sanitized like Markdown's HTML. A [gallery]
/// shows the pictures the <see cref="ShortcodeMedia"/> hint names; without it, nothing.
/// </summary>
public sealed class ImportedHtmlRenderer(MarkdownRenderer markdown) : IBodyRenderer
{
    public BodyFormat Format => BodyFormat.Html;

    public RenderedBody Render(string source, IBodyRenderHints? hints)
    {
        // Beyond HtmlLimits the body's text is kept, escaped, with the problem (an import reports it and goes on).
        var (html, problem) = markdown.Sanitize(WordPressContent.Render(source, hints as ShortcodeMedia), null);
        // The text of an HTML body is the text of its render: derived from it, not rendered again.
        return new RenderedBody(html, ArticleBody.HtmlToPlainText(html), problem);
    }

    public string ToHtml(string source) => markdown.Sanitize(WordPressContent.Render(source));

    public string PlainText(string source, string storedHtml) => ArticleBody.HtmlToPlainText(storedHtml);
}