using System.Net;
using System.Text;

namespace Herald.Articles;

/// <summary>
/// The readable text of HTML in one pass, without building a document: what Herald shows of an
/// HTML body it will not hand to the sanitizer. Tags go, script and style go with their content,
/// block ends become paragraph breaks and entities are decoded.
/// </summary>
public static class TagStripper
{
    private static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "figure", "table",
    };

    public static string Text(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }
            text.Append(html, i, open - i);
            var closing = open + 1 < html.Length && html[open + 1] == '/';
            var nameStart = open + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart && !(nameStart < html.Length && html[nameStart] is '!' or '?'))
            {
                text.Append('<');
                i = open + 1;
                continue;
            }
            var close = html.IndexOf('>', nameEnd);
            var name = html[nameStart..nameEnd];
            i = close < 0 ? html.Length : close + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
            else if (Breaks.Contains(name))
            {
                text.Append("\n\n");
            }
        }
        return WebUtility.HtmlDecode(text.ToString());
    }
}