using System.Xml.Linq;

namespace Herald.Discovery.Feeds;

/// <summary>
/// The parts of other vocabularies every RSS feed of Herald's carries (the article feeds and the
/// comment feeds alike): the feed's own address as atom:link rel="self", which validators ask for,
/// and bylines as dc:creator, since RSS's own author element must be an e-mail address.
/// </summary>
public static class RssExtensions
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static XElement SelfLink(string href) =>
        new(XName.Get("link", AtomNamespace), new XAttribute("href", href), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml"));

    public static XElement Creator(string name) => new(XName.Get("creator", DublinCoreNamespace), name);
}