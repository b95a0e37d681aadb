using AngleSharp.Dom;

namespace Herald.Articles;

/// <summary>
/// Ids inside an article body (heading anchors, footnotes, anchors kept from WordPress) share
/// the page with Herald's own (comments, respond, comment-12…), which the reply script finds by
/// id. Every content id therefore gets a prefix, and the body's own references to them (links
/// to "#…", label for, table headers, image maps) are rewritten to match, so they still work.
/// </summary>
public static class ContentIds
{
    public const string Prefix = "h-";

    public static void PrefixAll(IParentNode body)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("[id]"))
        {
            ids.Add(element.Id!);
            element.Id = Prefixed(element.Id!);
        }
        foreach (var element in body.QuerySelectorAll("a[name], map[name]"))
        {
            var name = element.GetAttribute("name")!;
            ids.Add(name);
            element.SetAttribute("name", Prefixed(name));
        }
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var element in body.QuerySelectorAll("[href^='#'], [usemap^='#']"))
        {
            foreach (var attribute in (string[])["href", "usemap"])
            {
                if (element.GetAttribute(attribute) is { Length: > 1 } reference && reference[0] == '#'
                    && (ids.Contains(reference[1..]) || ids.Contains(Uri.UnescapeDataString(reference[1..]))))
                {
                    element.SetAttribute(attribute, "#" + Prefixed(reference[1..]));
                }
            }
        }
        foreach (var element in body.QuerySelectorAll("[for], [headers]"))
        {
            foreach (var attribute in (string[])["for", "headers"])
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } references)
                {
                    element.SetAttribute(attribute, string.Join(' ', references
                        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(id => ids.Contains(id) ? Prefixed(id) : id)));
                }
            }
        }
    }

    /// <summary>Already prefixed stays as it is, so HTML that went through Herald once keeps its ids.</summary>
    private static string Prefixed(string id) => id.StartsWith(Prefix, StringComparison.Ordinal) ? id : Prefix + id;
}