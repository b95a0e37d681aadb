using System.Globalization;
using System.Text;
using System.Xml;

namespace Herald.WordPress.Export;

/// <summary>
/// Writes the lines of a WXR file. WordPress's importer has three parsers and the last resort
/// reads line by line, so the layout follows WordPress's own: one element per line, and each
/// author, category and tag entirely on one line. The XmlWriter does the escaping; this class
/// only decides where lines break and how text goes into CDATA.
/// </summary>
public sealed class WxrWriter : IDisposable
{
    public const string WpNamespace = "http://wordpress.org/export/1.2/";
    public const string ExcerptNamespace = "http://wordpress.org/export/1.2/excerpt/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string WfwNamespace = "http://wellformedweb.org/CommentAPI/";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly XmlWriter xml;

    public WxrWriter(Stream output)
    {
        xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            NewLineHandling = NewLineHandling.None,
        });
    }

    public void StartDocument()
    {
        xml.WriteStartDocument();
        xml.WriteWhitespace("\n");
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "excerpt", null, ExcerptNamespace);
        xml.WriteAttributeString("xmlns", "content", null, ContentNamespace);
        xml.WriteAttributeString("xmlns", "wfw", null, WfwNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DcNamespace);
        xml.WriteAttributeString("xmlns", "wp", null, WpNamespace);
        Line(0);
        xml.WriteStartElement("channel");
    }

    public void EndDocument()
    {
        Line(0);
        xml.WriteEndElement();
        xml.WriteWhitespace("\n");
        xml.WriteEndElement();
        xml.WriteWhitespace("\n");
        xml.WriteEndDocument();
    }

    /// <summary>Starts an element on a new line at the given depth (tabs, as WordPress indents).</summary>
    public void Open(int depth, string name, string? ns = null)
    {
        Line(depth);
        Start(name, ns);
    }

    public void Close(int depth)
    {
        Line(depth);
        xml.WriteEndElement();
    }

    /// <summary>Starts an element on the current line, for the one-line entries (authors, terms).</summary>
    public void Start(string name, string? ns = null)
    {
        if (ns is null)
        {
            xml.WriteStartElement(name);
        }
        else
        {
            xml.WriteStartElement(Prefix(ns), name, ns);
        }
    }

    public void End() => xml.WriteEndElement();

    public void Attribute(string name, string value) => xml.WriteAttributeString(name, Clean(value));

    public void WriteText(string value) => xml.WriteString(Clean(value));

    /// <summary>An element holding plain text (escaped), on the current line.</summary>
    public void Text(string name, string? ns, string value)
    {
        Start(name, ns);
        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    public void Text(string name, string? ns, long value) => Text(name, ns, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An element holding text in CDATA, on the current line.</summary>
    public void CData(string name, string? ns, string? value)
    {
        Start(name, ns);
        WriteCData(value ?? "");
        xml.WriteEndElement();
    }

    /// <summary>A whole line: newline, indentation, then a text element.</summary>
    public void TextLine(int depth, string name, string? ns, string value)
    {
        Line(depth);
        Text(name, ns, value);
    }

    public void TextLine(int depth, string name, string? ns, long value)
    {
        Line(depth);
        Text(name, ns, value);
    }

    public void CDataLine(int depth, string name, string? ns, string? value)
    {
        Line(depth);
        CData(name, ns, value);
    }

    /// <summary>
    /// A CDATA section cannot contain "]]>", so such text is split between two sections right
    /// after "]]" — the same split WordPress makes, so every WXR reader already joins it back.
    /// </summary>
    public void WriteCData(string value)
    {
        var text = Clean(value);
        var start = 0;
        int end;
        while ((end = text.IndexOf("]]>", start, StringComparison.Ordinal)) >= 0)
        {
            xml.WriteCData(text[start..(end + 2)]);
            start = end + 2;
        }
        xml.WriteCData(text[start..]);
    }

    public void Flush() => xml.Flush();

    public void Dispose() => xml.Dispose();

    private void Line(int depth)
    {
        xml.WriteWhitespace(depth switch
        {
            0 => "\n",
            1 => "\n\t",
            2 => "\n\t\t",
            3 => "\n\t\t\t",
            _ => "\n" + new string('\t', depth),
        });
    }

    private static string Prefix(string ns) => ns switch
    {
        WpNamespace => "wp",
        ExcerptNamespace => "excerpt",
        ContentNamespace => "content",
        WfwNamespace => "wfw",
        DcNamespace => "dc",
        _ => throw new ArgumentOutOfRangeException(nameof(ns), ns, "Not a WXR namespace."),
    };

    /// <summary>
    /// XML 1.0 cannot carry some control characters at all (not even escaped), and a lone
    /// surrogate is not text. A stray one in an old body must not make the whole file unreadable,
    /// so it is dropped here.
    /// </summary>
    public static string Clean(string value)
    {
        var firstBad = -1;
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsAllowedAt(value, i, out var width))
            {
                firstBad = i;
                break;
            }
            i += width - 1;
        }
        if (firstBad < 0)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            if (IsAllowedAt(value, i, out var width))
            {
                builder.Append(value, i, width);
            }
            i += width - 1;
        }
        return builder.ToString();
    }

    private static bool IsAllowedAt(string value, int index, out int width)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            width = 2;
            return true;
        }
        width = 1;
        return XmlConvert.IsXmlChar(c);
    }
}