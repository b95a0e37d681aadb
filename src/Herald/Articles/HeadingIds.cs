using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Herald.Articles;

/// <summary>
/// Gives every heading an id made from its text, GitHub style ("A mixed legacy" → a-mixed-legacy;
/// a repeat becomes a-mixed-legacy-1), so a reader can link to a section. Repeats are numbered
/// from a counter per text, which keeps the work linear however many headings share a text.
/// <see cref="ContentIds"/> prefixes the ids when the HTML is sanitized.
/// </summary>
public static class HeadingIds
{
    public static void Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringWriter();
        var plain = new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            text.GetStringBuilder().Clear();
            if (heading.Inline is not null)
            {
                plain.Render(heading.Inline);
            }
            var slug = LinkHelper.UrilizeAsGfm(text.ToString());
            if (slug.Length == 0)
            {
                slug = "section";
            }
            var id = slug;
            if (!used.Add(id))
            {
                var n = next.GetValueOrDefault(slug, 1);
                do
                {
                    id = $"{slug}-{n++}";
                }
                while (!used.Add(id));
                next[slug] = n;
            }
            heading.GetAttributes().Id = id;
        }
    }
}