using System.Xml;
using System.Xml.Linq;

namespace Herald.Tests.WordPress.Export;

/// <summary>A WXR file read back with XDocument, by WordPress's own namespace URIs, for assertions.</summary>
public sealed class WxrFile
{
    public static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    public static readonly XNamespace Excerpt = "http://wordpress.org/export/1.2/excerpt/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private WxrFile(XDocument document, string text)
    {
        Document = document;
        Text = text;
        Channel = document.Root!.Element("channel")!;
        Items = Channel.Elements("item").Select(i => new WxrItem(i)).ToList();
    }

    public XDocument Document { get; }

    /// <summary>The file as written, for checks on layout (lines) rather than on content.</summary>
    public string Text { get; }
    public XElement Channel { get; }
    public IReadOnlyList<WxrItem> Items { get; }

    public IEnumerable<WxrItem> Posts(string type) => Items.Where(i => i.Wp("post_type") == type);

    public WxrItem Item(long postId) => Items.Single(i => i.PostId == postId);

    public WxrItem BySlug(string slug) => Items.Single(i => i.Wp("post_name") == slug && i.Wp("post_type") != "attachment");

    public static WxrFile Load(string path)
    {
        var text = File.ReadAllText(path);
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return new WxrFile(XDocument.Load(reader, LoadOptions.SetLineInfo), text);
    }
}

public sealed class WxrItem(XElement element)
{
    public XElement Element { get; } = element;

    public string Plain(string name) => Element.Element(name)?.Value ?? throw new InvalidOperationException($"item has no <{name}>");

    public string Wp(string name) => Element.Element(WxrFile.Wp + name)?.Value ?? throw new InvalidOperationException($"item has no <wp:{name}>");

    public long PostId => long.Parse(Wp("post_id"), System.Globalization.CultureInfo.InvariantCulture);
    public string Title => Plain("title");
    public string Creator => Element.Element(WxrFile.Dc + "creator")!.Value;
    public string Content => Element.Element(WxrFile.Content + "encoded")!.Value;
    public string Excerpt => Element.Element(WxrFile.Excerpt + "encoded")!.Value;

    public IReadOnlyList<(string Domain, string Nicename, string Name)> Terms => Element.Elements("category")
        .Select(c => ((string)c.Attribute("domain")!, (string)c.Attribute("nicename")!, c.Value)).ToList();

    public IReadOnlyList<string> TermSlugs(string domain) => Terms.Where(t => t.Domain == domain).Select(t => t.Nicename).Order().ToList();

    public IReadOnlyList<(string Key, string Value)> Meta => Element.Elements(WxrFile.Wp + "postmeta")
        .Select(m => (m.Element(WxrFile.Wp + "meta_key")!.Value, m.Element(WxrFile.Wp + "meta_value")!.Value)).ToList();

    public string? MetaValue(string key) => Meta.Where(m => m.Key == key).Select(m => m.Value).SingleOrDefault();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Comments => Element.Elements(WxrFile.Wp + "comment")
        .Select(c => (IReadOnlyDictionary<string, string>)c.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
}