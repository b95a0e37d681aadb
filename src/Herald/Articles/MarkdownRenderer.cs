using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Herald.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it. Rendering happens on save,
/// never per request, and the result is sanitized because authors are not all trusted
/// with raw HTML (a contributor's draft is previewed by editors).
/// </summary>
public sealed class MarkdownRenderer : IBodyRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public BodyFormat Format => BodyFormat.Markdown;

    /// <summary>Parses the Markdown once and writes both the sanitized HTML and the plain text from it.</summary>
    public RenderedBody Render(string source, IBodyRenderHints? hints)
    {
        var document = Markdown.Parse(source ?? "", pipeline);
        return new RenderedBody(sanitizer.Sanitize(document.ToHtml(pipeline)), PlainText(document));
    }

    public string ToHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", pipeline);
        return sanitizer.Sanitize(html);
    }

    /// <summary>Sanitizes HTML that did not come from Markdown (imported bodies) with the same rules.</summary>
    public string Sanitize(string html) => sanitizer.Sanitize(html ?? "");

    /// <summary>Plain text of the Markdown, for excerpts, word counts and analysis.</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", pipeline);

    /// <summary>Markdown's text comes from its source; the stored HTML is sanitized and would not read the same.</summary>
    public string PlainText(string source, string storedHtml) => ToPlainText(source);

    /// <summary>What <see cref="Markdown.ToPlainText(string, MarkdownPipeline?, MarkdownParserContext?)"/> writes, from a parsed document.</summary>
    private string PlainText(MarkdownDocument document)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = false,
            EnableHtmlForInline = false,
            EnableHtmlEscape = false,
        };
        pipeline.Setup(renderer);
        renderer.Render(document);
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
        // Headings keep the ids Markdig gives them so a reader can link to a section.
        sanitizer.AllowedAttributes.Add("id");
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