using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Herald.WordPress.Import;

/// <summary>
/// Reads a WordPress eXtended RSS export one record at a time: the file is streamed with an
/// XmlReader and only the element being read (one author, term or item with its comments) is
/// held in memory, so an export of any size reads in bounded memory. WXR 1.0 to 1.2 with either
/// http:// or https:// namespace URIs are accepted; anything malformed ends in a
/// <see cref="WxrFormatException"/> naming the line and column.
/// </summary>
public static partial class WxrReader
{
    /// <summary>No single item of a real export comes near this; a larger one is a broken file, not an article.</summary>
    public const int MaxCharactersPerItem = 32 * 1024 * 1024;

    /// <summary>
    /// Elements kept below a record's own element. WordPress writes three levels (item, wp:postmeta,
    /// wp:meta_value) and puts post HTML in CDATA; deeper elements are read as their text alone.
    /// </summary>
    public const int MaxElementDepth = 16;

    /// <summary>Attributes kept on one element. WordPress writes two at most (a category's domain and nicename).</summary>
    public const int MaxAttributesPerElement = 16;

    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    [GeneratedRegex(@"^https?://wordpress\.org/export/1\.[0-2]/(excerpt/)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPressNamespace();

    public static IEnumerable<WxrRecord> Read(string path)
    {
        var settings = new XmlReaderSettings
        {
            // A WordPress export never has a DTD; refusing one also refuses entity-expansion attacks.
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = 0,
            MaxCharactersFromEntities = 1024,
        };
        var name = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = XmlReader.Create(stream, settings);
        var lines = (IXmlLineInfo)reader;
        var enumerator = ReadRecords(reader, lines, name).GetEnumerator();
        while (true)
        {
            WxrRecord record;
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
                record = enumerator.Current;
            }
            catch (XmlException e)
            {
                throw new WxrFormatException(name, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), Describe(e));
            }
            yield return record;
        }
    }

    private static IEnumerable<WxrRecord> ReadRecords(XmlReader reader, IXmlLineInfo lines, string file)
    {
        if (!reader.ReadToFollowingElement())
        {
            throw new WxrFormatException(file, 1, 1, "the file is empty or has no XML element; expected a WordPress export (<rss> with a <channel>).");
        }
        if (reader.LocalName != "rss")
        {
            throw new WxrFormatException(file, lines.LineNumber, lines.LinePosition,
                $"the root element is <{reader.Name}>, not <rss>: this is not a WordPress export (WXR) file.");
        }
        var (rssLine, rssColumn) = (lines.LineNumber, lines.LinePosition);
        var sawChannel = false;
        var sawVersion = false;
        string? blogUrl = null;
        string? link = null;
        string version = "1.0";
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName != "channel")
            {
                reader.Skip();
                continue;
            }
            sawChannel = true;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                continue;
            }
            reader.Read();
            var siteAnnounced = false;
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "channel") && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                var (line, column) = (lines.LineNumber, lines.LinePosition);
                var local = reader.LocalName;
                var isWp = WordPressNamespace().IsMatch(reader.NamespaceURI);
                if (local == "item" && reader.NamespaceURI.Length == 0)
                {
                    if (!siteAnnounced)
                    {
                        siteAnnounced = true;
                        yield return Site(file, line, column, blogUrl ?? link, version, sawVersion);
                    }
                    var itemElement = ReadElement(reader, file, line, column, out var flattened);
                    yield return ReadItem(itemElement, file, line, column) with { File = file, MarkupFlattened = flattened };
                    continue;
                }
                if (isWp && local is "author" or "category" or "tag" or "term" or "wxr_version" or "base_blog_url")
                {
                    var element = ReadElement(reader, file, line, column, out _);
                    switch (local)
                    {
                        case "wxr_version":
                            version = element.Value.Trim();
                            sawVersion = true;
                            break;
                        case "base_blog_url":
                            blogUrl = element.Value.Trim();
                            break;
                        case "author":
                            yield return ReadAuthor(element, file, line, column);
                            break;
                        case "category":
                            yield return ReadCategory(element, file, line, column);
                            break;
                        case "tag":
                            yield return ReadTag(element, file, line, column);
                            break;
                        case "term" when Text(element, "term_taxonomy") is "category" or "post_tag":
                            yield return ReadGenericTerm(element, file, line, column);
                            break;
                    }
                    continue;
                }
                if (local == "link" && reader.NamespaceURI.Length == 0)
                {
                    link = ReadElement(reader, file, line, column, out _).Value.Trim();
                    continue;
                }
                reader.Skip();
            }
            if (!siteAnnounced)
            {
                yield return Site(file, rssLine, rssColumn, blogUrl ?? link, version, sawVersion);
            }
            reader.Read();
        }
        if (!sawChannel)
        {
            throw new WxrFormatException(file, rssLine, rssColumn, "the <rss> element has no <channel>: this is not a WordPress export (WXR) file.");
        }
    }

    private static WxrSite Site(string file, int line, int column, string? url, string version, bool sawVersion)
    {
        if (!sawVersion)
        {
            throw new WxrFormatException(file, line, column,
                "no <wp:wxr_version> before the first item: this RSS file is not a WordPress export (or uses an unknown namespace for wp:).");
        }
        if (version is not ("1.0" or "1.1" or "1.2"))
        {
            throw new WxrFormatException(file, line, column, $"WXR version {version} is not one Herald reads (1.0, 1.1 and 1.2 are).");
        }
        return new WxrSite(line, column, (url ?? "").TrimEnd('/'), version);
    }

    /// <summary>
    /// The element under the reader, built node by node. XNode.ReadFrom takes time in the square
    /// of the nesting depth (a 1.4 MB item of 200,000 nested elements ran for minutes); here each
    /// node costs the same, elements below <see cref="MaxElementDepth"/> give their text to the
    /// deepest one kept (so every Value reads as before), and the size is counted as it grows.
    /// </summary>
    private static XElement ReadElement(XmlReader reader, string file, int line, int column, out bool flattened)
    {
        flattened = false;
        var root = StartElement(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return root;
        }
        var rootDepth = reader.Depth;
        var current = root;
        var characters = 0L;
        while (reader.Read())
        {
            var depth = reader.Depth - rootDepth;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (depth > MaxElementDepth)
                    {
                        flattened = true;
                        break;
                    }
                    var child = StartElement(reader);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                    {
                        current = child;
                    }
                    break;
                case XmlNodeType.EndElement when depth == 0:
                    reader.Read();
                    return root;
                case XmlNodeType.EndElement:
                    if (depth <= MaxElementDepth)
                    {
                        current = current.Parent!;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    characters += reader.Value.Length;
                    if (characters > MaxCharactersPerItem)
                    {
                        throw new WxrFormatException(file, line, column, $"this element holds more than {MaxCharactersPerItem / (1024 * 1024)} million characters; no WordPress item is that large.");
                    }
                    current.Add(reader.NodeType == XmlNodeType.CDATA ? new XCData(reader.Value) : new XText(reader.Value));
                    break;
            }
        }
        return root;
    }

    private static XElement StartElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            // Each attribute added looks through the ones before it: only the first few are kept,
            // so an element with 100,000 of them costs a pass, not minutes.
            var kept = 0;
            do
            {
                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/" && kept++ < MaxAttributesPerElement)
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    private static WxrAuthor ReadAuthor(XElement element, string file, int line, int column)
    {
        var login = Text(element, "author_login")?.Trim();
        if (string.IsNullOrEmpty(login))
        {
            throw new WxrFormatException(file, line, column, "an author has no <wp:author_login>.");
        }
        var display = Text(element, "author_display_name")?.Trim();
        return new WxrAuthor(line, column, login, string.IsNullOrEmpty(display) ? login : display, Blank(Text(element, "author_email")));
    }

    private static WxrTerm ReadCategory(XElement element, string file, int line, int column) => Term(
        WxrTermKind.Category, element, file, line, column,
        Text(element, "category_nicename"), Text(element, "cat_name"), Blank(Text(element, "category_parent")), Blank(Text(element, "category_description")));

    private static WxrTerm ReadTag(XElement element, string file, int line, int column) => Term(
        WxrTermKind.Tag, element, file, line, column,
        Text(element, "tag_slug"), Text(element, "tag_name"), null, Blank(Text(element, "tag_description")));

    private static WxrTerm ReadGenericTerm(XElement element, string file, int line, int column) => Term(
        Text(element, "term_taxonomy") == "category" ? WxrTermKind.Category : WxrTermKind.Tag, element, file, line, column,
        Text(element, "term_slug"), Text(element, "term_name"), Blank(Text(element, "term_parent")), Blank(Text(element, "term_description")));

    private static WxrTerm Term(WxrTermKind kind, XElement element, string file, int line, int column,
        string? nicename, string? name, string? parent, string? description)
    {
        nicename = nicename?.Trim();
        if (string.IsNullOrEmpty(nicename))
        {
            throw new WxrFormatException(file, line, column, $"a {(kind == WxrTermKind.Tag ? "tag" : "category")} has no slug (nicename).");
        }
        var id = Text(element, "term_id");
        return new WxrTerm(line, column, kind, id is null ? null : Number(id, "wp:term_id", file, line, column), nicename,
            string.IsNullOrWhiteSpace(name) ? nicename : name.Trim(), parent?.Trim(), description);
    }

    private static WxrItem ReadItem(XElement item, string file, int line, int column)
    {
        var terms = new List<WxrItemTerm>();
        var meta = new List<KeyValuePair<string, string>>();
        var comments = new List<WxrComment>();
        WxrItemTerm? menu = null;
        foreach (var child in item.Elements())
        {
            var local = child.Name.LocalName;
            if (local == "category" && child.Name.NamespaceName.Length == 0)
            {
                var domain = (string?)child.Attribute("domain");
                var nicename = ((string?)child.Attribute("nicename"))?.Trim();
                var kind = domain switch
                {
                    "category" => WxrTermKind.Category,
                    "post_tag" or "tag" => WxrTermKind.Tag,
                    _ => (WxrTermKind?)null,
                };
                if (kind is { } k && !string.IsNullOrEmpty(nicename))
                {
                    terms.Add(new WxrItemTerm(k, nicename, string.IsNullOrWhiteSpace(child.Value) ? nicename : child.Value.Trim()));
                }
                else if (domain == "nav_menu" && !string.IsNullOrEmpty(nicename))
                {
                    // The menu a nav_menu_item belongs to; kept apart from the terms, which posts are filed under.
                    menu = new WxrItemTerm(WxrTermKind.Category, nicename, string.IsNullOrWhiteSpace(child.Value) ? nicename : child.Value.Trim());
                }
            }
            else if (local == "postmeta" && IsWp(child.Name))
            {
                var key = Text(child, "meta_key");
                if (!string.IsNullOrEmpty(key))
                {
                    meta.Add(new(key, Text(child, "meta_value") ?? ""));
                }
            }
            else if (local == "comment" && IsWp(child.Name))
            {
                comments.Add(ReadComment(child, file, line, column));
            }
        }
        return new WxrItem(line, column)
        {
            PostId = Number(Text(item, "post_id") ?? throw new WxrFormatException(file, line, column, "an item has no <wp:post_id>."), "wp:post_id", file, line, column),
            Title = Plain(item, "title", "") ?? "",
            Link = Plain(item, "link", "")?.Trim() ?? "",
            Creator = Plain(item, "creator", DublinCoreNamespace)?.Trim() ?? "",
            Content = Plain(item, "encoded", ContentNamespace) ?? "",
            Excerpt = ExcerptText(item) ?? "",
            Date = Date(Text(item, "post_date_gmt"), file, line, column) ?? LocalAsUtc(item, "post_date", file, line, column),
            Modified = Date(Text(item, "post_modified_gmt"), file, line, column) ?? LocalAsUtc(item, "post_modified", file, line, column),
            CommentStatus = Text(item, "comment_status")?.Trim() ?? "open",
            PostName = Text(item, "post_name")?.Trim() ?? "",
            Status = Text(item, "status")?.Trim() ?? "",
            ParentId = Text(item, "post_parent") is { Length: > 0 } parent ? Number(parent, "wp:post_parent", file, line, column) : 0,
            PostType = Text(item, "post_type")?.Trim() ?? "post",
            Password = Text(item, "post_password") ?? "",
            IsSticky = Text(item, "is_sticky")?.Trim() == "1",
            AttachmentUrl = Text(item, "attachment_url")?.Trim() ?? "",
            MenuOrder = int.TryParse(Text(item, "menu_order")?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var order) ? order : 0,
            Menu = menu,
            Terms = terms,
            Meta = meta,
            Comments = comments,
        };
    }

    private static WxrComment ReadComment(XElement comment, string file, int line, int column)
    {
        var id = Text(comment, "comment_id") ?? throw new WxrFormatException(file, line, column, "a comment has no <wp:comment_id>.");
        return new WxrComment(
            Number(id, "wp:comment_id", file, line, column),
            Text(comment, "comment_parent") is { Length: > 0 } parent ? Number(parent, "wp:comment_parent", file, line, column) : 0,
            Text(comment, "comment_author")?.Trim() ?? "",
            Blank(Text(comment, "comment_author_email")),
            Blank(Text(comment, "comment_author_url")),
            Blank(Text(comment, "comment_author_IP")),
            Date(Text(comment, "comment_date_gmt"), file, line, column) ?? Date(Text(comment, "comment_date"), file, line, column) ?? DateTime.UnixEpoch,
            Text(comment, "comment_content") ?? "",
            Text(comment, "comment_approved")?.Trim() ?? "0",
            Text(comment, "comment_type")?.Trim() ?? "");
    }

    private static bool IsWp(XName name) => WordPressNamespace().IsMatch(name.NamespaceName);

    /// <summary>The text of a wp: child, whichever WXR namespace URI the file uses.</summary>
    private static string? Text(XElement parent, string local)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == local && IsWp(child.Name))
            {
                return child.Value;
            }
        }
        return null;
    }

    private static string? Plain(XElement parent, string local, string ns) => parent.Element(XName.Get(local, ns))?.Value;

    private static string? ExcerptText(XElement item)
    {
        foreach (var child in item.Elements())
        {
            if (child.Name.LocalName == "encoded" && child.Name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal) && IsWp(child.Name))
            {
                return child.Value;
            }
        }
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static long Number(string text, string what, string file, int line, int column) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new WxrFormatException(file, line, column, $"{what} \"{Shorten(text)}\" is not a number.");

    /// <summary>WordPress writes "YYYY-MM-DD HH:MM:SS"; all zeros means "not set" (drafts have no GMT date).</summary>
    private static DateTime? Date(string? text, string file, int line, int column)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("0000-00-00", StringComparison.Ordinal))
        {
            return null;
        }
        return DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new WxrFormatException(file, line, column, $"the date \"{Shorten(text)}\" is not a WordPress date (YYYY-MM-DD HH:MM:SS).");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Describe(XmlException e)
    {
        // XmlException repeats the position in its message; the caller prints it in front.
        var message = e.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        message = at > 0 ? message[..at] : message;
        return "the file is not well-formed XML: " + message.TrimEnd('.', ' ') + ".";
    }

    /// <summary>Moves to the first element, whatever comes before it (declaration, comments).</summary>
    private static bool ReadToFollowingElement(this XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A local WordPress time whose GMT twin is missing (drafts carry post_date_gmt 0000-00-00).
    /// The site's offset is read from the item's own post_modified / post_modified_gmt pair when
    /// both are there; without it the local time is taken as UTC, since WXR names no time zone.
    /// </summary>
    private static DateTime? LocalAsUtc(XElement item, string field, string file, int line, int column)
    {
        if (Date(Text(item, field), file, line, column) is not { } local)
        {
            return null;
        }
        var modifiedLocal = Date(Text(item, "post_modified"), file, line, column);
        var modifiedGmt = Date(Text(item, "post_modified_gmt"), file, line, column);
        var offset = modifiedLocal is { } l && modifiedGmt is { } g && Math.Abs((l - g).TotalHours) <= 14 ? l - g : TimeSpan.Zero;
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}