using System.Globalization;

namespace Herald.Articles;

/// <summary>
/// The stack of open elements, as the HTML tree builder keeps it, in outline: enough to know how
/// deep a parser will nest and how many formatting elements it will copy, for
/// <see cref="HtmlLimits"/>. Elements whose end tag may be left out (p, li, td…) are closed where
/// the next one starts; formatting elements closed by another element's end tag are copied back
/// in where text or an inline tag follows, as the parser does.
/// </summary>
internal sealed class HtmlOpenElements
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Not elements of a body's tree: a fragment parser ignores them, or they hold only void columns.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "html", "head", "body", "colgroup", "frameset" };

    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>Start tags that close an open p and after which the parser does not copy formatting tags.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2",
        "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr",
    };

    /// <summary>Other start tags after which the parser copies no formatting tags (table parts, raw text, document parts).</summary>
    private static readonly HashSet<string> NoCopies = new(StringComparer.OrdinalIgnoreCase)
    {
        "textarea", "iframe", "noembed", "noscript", "caption", "col", "colgroup", "frame", "head", "tbody", "td", "tfoot", "th",
        "thead", "tr", "html", "body", "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template",
        "title", "frameset",
    };

    /// <summary>Elements that bound the search for an open p ("button scope") or an open cell or row.</summary>
    private static readonly HashSet<string> ScopeEdges = new(StringComparer.OrdinalIgnoreCase)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "svg", "math",
    };

    /// <summary>Elements that end the search for an open li, dd or dt (the HTML "special" category, less address, div and p).</summary>
    private static readonly HashSet<string> ListItemEdges = new(StringComparer.OrdinalIgnoreCase)
    {
        "applet", "area", "article", "aside", "base", "blockquote", "body", "button", "caption", "center", "col", "colgroup",
        "details", "dir", "dl", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "iframe", "img", "input", "listing", "main", "marquee", "menu", "nav", "noembed",
        "noframes", "noscript", "object", "ol", "plaintext", "pre", "search", "section", "select", "summary", "table", "tbody",
        "td", "template", "textarea", "tfoot", "th", "thead", "tr", "ul", "xmp", "svg", "math",
    };

    /// <summary>HTML start tags that end SVG or MathML content: after one, "/&gt;" no longer closes a tag.</summary>
    private static readonly HashSet<string> LeavesForeign = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "font", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby",
        "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    };

    private readonly List<string> open = [];
    private readonly List<string> closedFormatting = [];
    private long reopened;
    private int foreignAt = -1;

    public int Line = 1;

    public bool InForeignContent => foreignAt >= 0;

    /// <summary>Text, or a tag that takes formatting, after formatting elements were closed by another end tag: the parser opens copies of them here.</summary>
    public string? Reopen()
    {
        if (closedFormatting.Count == 0)
        {
            return null;
        }
        reopened += closedFormatting.Count;
        open.AddRange(closedFormatting);
        closedFormatting.Clear();
        return reopened > HtmlLimits.MaxReopenedFormatting ? LeftOpen() : open.Count > HtmlLimits.MaxDepth ? TooDeep() : null;
    }

    /// <param name="closesItself">A raw-text element, closed by the end tag read with it; or "/&gt;", which closes only in SVG and MathML.</param>
    public string? Open(string name, bool closesItself)
    {
        if (Ignored.Contains(name))
        {
            return null;
        }
        if (foreignAt >= 0 && LeavesForeign.Contains(name))
        {
            open.RemoveRange(foreignAt, open.Count - foreignAt);
            foreignAt = -1;
        }
        CloseImplied(name);
        if (!Blocks.Contains(name) && !NoCopies.Contains(name) && Reopen() is { } problem)
        {
            return problem;
        }
        var foreignRoot = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
        if (Void.Contains(name) || (closesItself && (foreignAt >= 0 || foreignRoot || HtmlLimits.RawText.Contains(name))))
        {
            return closedFormatting.Count > HtmlLimits.MaxDepth ? LeftOpen() : null;
        }
        if (foreignAt < 0 && foreignRoot)
        {
            foreignAt = open.Count;
        }
        open.Add(name);
        return open.Count > HtmlLimits.MaxDepth ? TooDeep() : closedFormatting.Count > HtmlLimits.MaxDepth ? LeftOpen() : null;
    }

    /// <summary>The elements a start tag closes without an end tag: an open p before a block, the previous item, cell or row.</summary>
    private void CloseImplied(string name)
    {
        if (foreignAt >= 0)
        {
            return;
        }
        if (Blocks.Contains(name))
        {
            CloseFound(Find(["p"], ScopeEdges));
        }
        switch (name.ToLowerInvariant())
        {
            case "li":
                CloseFound(Find(["li"], ListItemEdges));
                break;
            case "dd" or "dt":
                CloseFound(Find(["dd", "dt"], ListItemEdges));
                break;
            case "td" or "th":
                CloseFound(Find(["td", "th"], ["table"]));
                break;
            case "tr":
                CloseFound(Find(["tr"], ["table"]));
                break;
            case "tbody" or "thead" or "tfoot":
                CloseFound(Find(["tbody", "thead", "tfoot"], ["table"]));
                break;
            case "option" or "optgroup":
                CloseFound(Find(["option"], ["select", "datalist"]));
                break;
            case "rb" or "rt" or "rtc" or "rp":
                CloseFound(Find(["rb", "rt", "rtc", "rp"], ["ruby"]));
                break;
        }
    }

    /// <summary>The index of the nearest open element named, searching down from the current one and stopping at an edge.</summary>
    private int Find(string[] names, ICollection<string> edges)
    {
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (names.Contains(open[k], StringComparer.OrdinalIgnoreCase))
            {
                return k;
            }
            if (edges.Contains(open[k]))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>An end tag closes its element and every element opened inside it; formatting ones closed that way live on.</summary>
    public string? Close(string name)
    {
        if (Ignored.Contains(name))
        {
            return null;
        }
        var at = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            var waiting = Formatting.Contains(name) ? closedFormatting.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) : -1;
            if (waiting >= 0)
            {
                closedFormatting.RemoveAt(waiting);
            }
            return null;
        }
        CloseFound(at);
        return closedFormatting.Count > HtmlLimits.MaxDepth ? LeftOpen() : null;
    }

    private void CloseFound(int at)
    {
        if (at < 0)
        {
            return;
        }
        for (var k = open.Count - 1; k > at; k--)
        {
            if (Formatting.Contains(open[k]))
            {
                closedFormatting.Add(open[k]);
            }
        }
        open.RemoveRange(at, open.Count - at);
        if (foreignAt >= open.Count)
        {
            foreignAt = -1;
        }
    }

    private string LeftOpen() => string.Create(CultureInfo.InvariantCulture,
        $"The body leaves formatting tags (such as <b> or <strong>) open across many paragraphs (near line {Line}); close each where its words end.");

    private string TooDeep() => string.Create(CultureInfo.InvariantCulture,
        $"The body nests HTML elements more than {HtmlLimits.MaxDepth} deep (near line {Line}); Herald renders at most {HtmlLimits.MaxDepth} levels. Close the elements left open there.");
}