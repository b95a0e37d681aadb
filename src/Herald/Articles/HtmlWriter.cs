using System.Text;
using AngleSharp.Dom;

namespace Herald.Articles;

/// <summary>
/// Writes a sanitized body back to HTML in one pass. AngleSharp's own serializer asks each node
/// for its next sibling, which it finds by searching the parent's children, so a body of 40,000
/// paragraphs took seconds to write out; here children are walked by index. The output follows
/// the HTML fragment serialization algorithm, as AngleSharp's does.
/// </summary>
public static class HtmlWriter
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    public static string Children(INode parent)
    {
        var html = new StringBuilder();
        WriteChildren(parent, html);
        return html.ToString();
    }

    private static void WriteChildren(INode parent, StringBuilder html)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            Write(children[i], parent, html);
        }
    }

    private static void Write(INode node, INode parent, StringBuilder html)
    {
        switch (node)
        {
            case IElement element:
                var name = element.LocalName;
                html.Append('<').Append(name);
                foreach (var attribute in element.Attributes)
                {
                    html.Append(' ').Append(attribute.Name).Append("=\"");
                    Escape(attribute.Value, html, inAttribute: true);
                    html.Append('"');
                }
                html.Append('>');
                if (Void.Contains(name))
                {
                    return;
                }
                // A parser drops one newline right after these start tags: write it, so a newline of the text survives.
                if (name is "pre" or "textarea" or "listing" && element.FirstChild is IText { Data: ['\n', ..] })
                {
                    html.Append('\n');
                }
                WriteChildren(element, html);
                html.Append("</").Append(name).Append('>');
                break;
            case IText text:
                if (parent is IElement { LocalName: var parentName } && RawText.Contains(parentName))
                {
                    html.Append(text.Data);
                }
                else
                {
                    Escape(text.Data, html, inAttribute: false);
                }
                break;
            case IComment comment:
                html.Append("<!--").Append(comment.Data).Append("-->");
                break;
        }
    }

    private static void Escape(string value, StringBuilder html, bool inAttribute)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '\u00A0': html.Append("&nbsp;"); break;
                case '"' when inAttribute: html.Append("&quot;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                default: html.Append(c); break;
            }
        }
    }
}