namespace Herald.Articles;

/// <summary>
/// Limits on HTML before it reaches the sanitizer, checked in one linear pass over the tags.
/// An HTML parser's work per element grows with how many elements are open around it, so a
/// body of 20,000 unclosed elements takes seconds to minutes to sanitize; and formatting tags
/// (b, i, strong…) closed by another element's end tag are copied again wherever text follows,
/// so a few hundred bytes of them can grow a page a hundredfold. Both are bounded here: the
/// depth of open elements, and the copies of formatting tags the parser would make. The pass
/// keeps a stack of open elements as the HTML tree builder does, in outline: elements whose end
/// tag may be left out (p, li, td…) are closed where the next one starts, and the tokenizer is
/// followed where a slip would undercount (quoted attribute values, comments, raw text,
/// self-closing tags in SVG and MathML only).
/// </summary>
public static class HtmlLimits
{
    public const int MaxDepth = 128;

    /// <summary>Copies of formatting tags a parser would make; sloppy real pages make a handful.</summary>
    public const int MaxReopenedFormatting = 10_000;

    /// <summary>Elements whose content is text to the parser, up to their own end tag.</summary>
    internal static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>A problem in words, or null when the HTML may be sanitized.</summary>
    public static string? Check(string html)
    {
        var state = new HtmlOpenElements();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                if (c == '\n')
                {
                    state.Line++;
                }
                if (state.Reopen() is { } problem)
                {
                    return problem;
                }
                i++;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipComment(html, i, ref state.Line);
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!…>", "<?…>" and "</ …>" are bogus comments to the tokenizer; any other "<" is text.
                var bogus = nameStart < html.Length && (closing || html[nameStart] is '!' or '?');
                i = bogus ? Skip(html, nameStart, ">", ref state.Line) : i + 1;
                continue;
            }
            var name = html[nameStart..nameEnd];
            i = TagEnd(html, nameEnd, ref state.Line, out var selfClosing);
            var rawText = !closing && !state.InForeignContent && RawText.Contains(name);
            var problemAtTag = closing ? state.Close(name) : state.Open(name, selfClosing || rawText);
            if (problemAtTag is not null)
            {
                return problemAtTag;
            }
            if (rawText)
            {
                // Its text and its end tag are read here: the element never stays open.
                i = SkipRawText(html, i, name, ref state.Line);
            }
        }
        return null;
    }

    /// <summary>The index after a tag's "&gt;". Quotes open a value only after "=", as in the tokenizer.</summary>
    private static int TagEnd(string html, int i, ref int line, out bool selfClosing)
    {
        selfClosing = false;
        var afterEquals = false;
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '\n')
            {
                line++;
            }
            if (c == '>')
            {
                selfClosing = html[i - 1] == '/';
                return i + 1;
            }
            if (afterEquals && c is '"' or '\'')
            {
                var end = html.IndexOf(c, i + 1);
                end = end < 0 ? html.Length - 1 : end;
                line += html.AsSpan(i + 1, end - i).Count('\n');
                i = end;
                afterEquals = false;
                continue;
            }
            if (c == '=')
            {
                afterEquals = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }
        return html.Length;
    }

    /// <summary>A comment ends at the first "--&gt;" or "--!&gt;"; "&lt;!--&gt;" and "&lt;!---&gt;" are empty ones.</summary>
    private static int SkipComment(string html, int i, ref int line)
    {
        var from = i + 2;
        var plain = html.IndexOf("-->", from, StringComparison.Ordinal);
        var bang = html.IndexOf("--!>", from, StringComparison.Ordinal);
        var (found, length) = bang >= 0 && (plain < 0 || bang < plain) ? (bang, 4) : (plain, 3);
        var stop = found < 0 ? html.Length : found + length;
        line += html.AsSpan(i, stop - i).Count('\n');
        return stop;
    }

    private static int Skip(string html, int i, string end, ref int line)
    {
        var found = html.IndexOf(end, i, StringComparison.Ordinal);
        var stop = found < 0 ? html.Length : found + end.Length;
        line += html.AsSpan(i, stop - i).Count('\n');
        return stop;
    }

    private static int SkipRawText(string html, int i, string name, ref int line)
    {
        var found = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
        line += html.AsSpan(i, (found < 0 ? html.Length : found) - i).Count('\n');
        return found < 0 ? html.Length : TagEnd(html, found + 2 + name.Length, ref line, out _);
    }
}