using AngleSharp.Html.Parser;

namespace Herald.Articles;

/// <summary>
/// Renders an article body whatever it is written in: Markdown (stories written in Herald) or
/// HTML (stories imported from WordPress, kept as they were). Every path that needs the body's
/// HTML or plain text — saving, preview, indexing, analysis — goes through here, so they agree.
/// </summary>
public sealed class ArticleBody(MarkdownRenderer markdown)
{
    private static readonly HtmlParser Parser = new();

    public string ToHtml(string source, BodyFormat format) => format switch
    {
        BodyFormat.Html => markdown.Sanitize(source),
        _ => markdown.ToHtml(source),
    };

    public string ToPlainText(string source, BodyFormat format)
    {
        if (format != BodyFormat.Html)
        {
            return markdown.ToPlainText(source);
        }
        var document = Parser.ParseDocument("<body>" + ToHtml(source, format) + "</body>");
        return document.Body?.TextContent ?? "";
    }

    public string ToHtml(Article article) => ToHtml(article.BodyMarkdown, article.BodyFormat);

    public string ToPlainText(Article article) => ToPlainText(article.BodyMarkdown, article.BodyFormat);
}