using AngleSharp.Html.Parser;

namespace Herald.Articles;

/// <summary>
/// The HTML readers get and the plain text analysis, excerpts and word counts read, made together;
/// or, when Herald cannot render the body (nested beyond <see cref="MarkdownLimits"/> or
/// <see cref="HtmlLimits"/>), its text escaped as the HTML and the problem in words:
/// the newsroom refuses such a body, an import keeps it as text.
/// </summary>
public sealed record RenderedBody(string Html, string PlainText, string? Problem = null);

/// <summary>
/// What a renderer may use beyond the source. Each format defines its own (the imported-HTML
/// renderer takes the pictures a [gallery] shortcode may show); renderers ignore hints not theirs.
/// </summary>
public interface IBodyRenderHints;

/// <summary>
/// Turns a body written in one <see cref="BodyFormat"/> into sanitized HTML and plain text. Each
/// feature registers the renderer of the format it brings (Markdown here; imported HTML by WordPress).
/// </summary>
public interface IBodyRenderer
{
    BodyFormat Format { get; }

    RenderedBody Render(string source, IBodyRenderHints? hints);

    /// <summary>The HTML alone, for the editor's preview.</summary>
    string ToHtml(string source);

    /// <summary>
    /// The text of a body already stored with its rendered HTML: a renderer whose text comes from
    /// its HTML reads that instead of rendering the source again.
    /// </summary>
    string PlainText(string source, string storedHtml);
}

/// <summary>
/// Renders an article body whatever it is written in, through the renderer registered for its
/// format. Every path that needs the body's HTML or text — saving, preview, indexing, analysis —
/// goes through here, so they agree.
/// </summary>
public sealed class ArticleBody(IEnumerable<IBodyRenderer> renderers)
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<BodyFormat, IBodyRenderer> byFormat = renderers.ToDictionary(r => r.Format);

    public RenderedBody Render(string source, BodyFormat format, IBodyRenderHints? hints = null) =>
        RendererOf(format).Render(source ?? "", hints);

    /// <summary>
    /// Renders an article's body and stores what is made from it beside it: the HTML, the word
    /// count, and an excerpt when the writer gave none. The write pipeline does this on every save
    /// whose body changed; nothing else should need to.
    /// </summary>
    public RenderedBody RenderInto(Article article, IBodyRenderHints? hints = null)
    {
        var rendered = Render(article.BodySource, article.BodyFormat, hints);
        article.BodyHtml = rendered.Html;
        article.WordCount = MarkdownRenderer.CountWords(rendered.PlainText);
        if (string.IsNullOrWhiteSpace(article.Excerpt))
        {
            article.Excerpt = MarkdownRenderer.MakeExcerpt(rendered.PlainText);
        }
        return rendered;
    }

    public string ToHtml(string source, BodyFormat format) => RendererOf(format).ToHtml(source ?? "");

    /// <summary>The text of a stored article, as its last save rendered it.</summary>
    public string PlainText(Article article) => RendererOf(article.BodyFormat).PlainText(article.BodySource, article.BodyHtml);

    /// <summary>The text of rendered HTML, for renderers whose text is the text of their HTML.</summary>
    public static string HtmlToPlainText(string html)
    {
        var document = Parser.ParseDocument("<body>" + html + "</body>");
        return document.Body?.TextContent ?? "";
    }

    private IBodyRenderer RendererOf(BodyFormat format) => byFormat.TryGetValue(format, out var renderer)
        ? renderer
        : throw new InvalidOperationException($"No renderer is registered for {format} bodies.");
}