using Ganss.Xss;
using Herald.Articles.Figures;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Herald.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it. Rendering happens on save,
/// never per request, and the result is sanitized because authors are not all trusted
/// with raw HTML (a contributor's draft is previewed by editors). A body beyond
/// <see cref="MarkdownLimits"/> or <see cref="HtmlLimits"/> is never handed to Markdig or the
/// sanitizer: it renders as its own text, escaped, with the problem for whoever saves it.
/// </summary>
public sealed class MarkdownRenderer : IBodyRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseFootnotes()
        .UseEmphasisExtras()
        .Use<FigureExtension>()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public BodyFormat Format => BodyFormat.Markdown;

    public string ToHtml(string markdown) => Render(markdown).Html;

    /// <summary>
    /// Parses the Markdown once and writes both the sanitized HTML and the plain text from it; a body
    /// Herald cannot render comes back as its escaped text with the problem, its plain text the source.
    /// </summary>
    public RenderedBody Render(string source, IBodyRenderHints? hints = null)
    {
        var markdown = source ?? "";
        var problem = MarkdownLimits.Check(markdown);
        if (problem is null)
        {
            MarkdownDocument document;
            (string Html, string? Problem) html;
            try
            {
                document = Markdown.Parse(markdown, pipeline);
                HeadingIds.Assign(document);
                html = Sanitize(Markdown.ToHtml(document, pipeline), markdown);
            }
            catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
            {
                // Markdig's own depth limit, for a shape the check above does not foresee.
                problem = "The body nests its Markdown too deeply for Herald to render (quotes, lists, links or emphasis inside one another). Flatten the deepest part.";
                return new RenderedBody(EscapedText(markdown), markdown, problem);
            }
            return new RenderedBody(html.Html, PlainText(document, markdown), html.Problem);
        }
        return new RenderedBody(EscapedText(markdown), markdown, problem);
    }

    /// <summary>Sanitizes HTML that did not come from Markdown (imported bodies) with the same rules.</summary>
    public string Sanitize(string html) => Sanitize(html ?? "", null).Html;

    /// <summary>
    /// Sanitizes HTML within <see cref="HtmlLimits"/>; beyond them, the text of <paramref name="source"/>
    /// (the HTML's text when no source is given) is shown escaped instead.
    /// </summary>
    public (string Html, string? Problem) Sanitize(string html, string? source)
    {
        if (HtmlLimits.Check(html) is { } problem)
        {
            return (EscapedText(source ?? TagStripper.Text(html)), problem);
        }
        using var document = sanitizer.SanitizeDom(html, "");
        return (HtmlWriter.Children(document.Body!), null);
    }

    /// <summary>Plain text of the Markdown, for excerpts, word counts and analysis; the source itself when it cannot be rendered.</summary>
    public string ToPlainText(string markdown)
    {
        markdown ??= "";
        if (MarkdownLimits.Check(markdown) is not null)
        {
            return markdown;
        }
        try
        {
            return Markdown.ToPlainText(markdown, pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            return markdown;
        }
    }

    /// <summary>Text as paragraphs of escaped characters: nothing in it is markup.</summary>
    public static string EscapedText(string text)
    {
        var html = new System.Text.StringBuilder(text.Length + 64);
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }
        return html.ToString();
    }

    /// <summary>Markdown's text comes from its source; the stored HTML is sanitized and would not read the same.</summary>
    public string PlainText(string source, string storedHtml) => ToPlainText(source);

    /// <summary>
    /// What <see cref="Markdown.ToPlainText(string, MarkdownPipeline?, MarkdownParserContext?)"/> writes, from
    /// a parsed document; the source itself when Markdig cannot write it (as <see cref="ToPlainText(string)"/>).
    /// </summary>
    private string PlainText(MarkdownDocument document, string source)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = false,
            EnableHtmlForInline = false,
            EnableHtmlEscape = false,
        };
        pipeline.Setup(renderer);
        try
        {
            renderer.Render(document);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            return source;
        }
        writer.Flush();
        return writer.ToString();
    }

    public static int CountWords(string plainText)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in plainText)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    /// <summary>A first paragraph-sized excerpt, cut on a word boundary.</summary>
    public static string MakeExcerpt(string plainText, int maxLength = 280)
    {
        var text = string.Join(' ', plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', maxLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : maxLength), "…");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Headings keep their ids so a reader can link to a section; prefixed, so they never clash with the page's own.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.PostProcessDom += (_, e) => ContentIds.PrefixAll(e.Document);
        // Footnotes and tables are styled by class; classes cannot run script.
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link && link.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                link.SetAttribute("rel", "noopener");
            }
        };
        return sanitizer;
    }
}