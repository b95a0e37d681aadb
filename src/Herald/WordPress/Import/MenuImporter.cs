using System.Globalization;
using System.Net;
using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Site.Menus;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>
/// Imports WordPress menus (nav_menu_item items) as Herald's header and footer menus, after the
/// posts and terms they link to. A WordPress export does not say which theme location a menu
/// had, so the names decide: a menu named like "primary", "main", "header" or "top" becomes the
/// header menu, one named like "footer" or "social" the footer menu; without such a name the menu
/// with the most items is the header. Other menus are counted as skipped. A location that already
/// has items in Herald (made in the newsroom, or by an earlier run) is left as it is.
/// </summary>
public sealed class MenuImporter(HeraldDbContext db, SiteWriter writer)
{
    private static readonly string[] HeaderWords = ["primary", "main", "header", "top"];
    private static readonly string[] FooterWords = ["footer", "social"];

    public async Task ImportAsync(string source, IReadOnlyList<WxrItem> items, ImportReport report, InvalidationSet evictLater, CancellationToken ct)
    {
        var menus = items.Where(i => i.Menu is not null).GroupBy(i => i.Menu!.Nicename, StringComparer.Ordinal)
            .Select(g => (Slug: g.Key, Name: g.First().Menu!.Name, Items: g.OrderBy(i => i.MenuOrder).ThenBy(i => i.PostId).ToList()))
            .ToList();
        if (menus.Count == 0)
        {
            return;
        }
        var header = menus.FirstOrDefault(m => Names(m.Slug, m.Name, HeaderWords));
        if (header.Slug is null)
        {
            header = menus.Where(m => !Names(m.Slug, m.Name, FooterWords)).OrderByDescending(m => m.Items.Count).FirstOrDefault();
        }
        var footer = menus.FirstOrDefault(m => m.Slug != header.Slug && Names(m.Slug, m.Name, FooterWords));
        foreach (var other in menus.Where(m => m.Slug != header.Slug && m.Slug != footer.Slug))
        {
            report.Note("menus without a place in Herald (it has a header and a footer menu; left out)", $"{other.Name} ({other.Items.Count} items)");
        }

        var placed = new List<(MenuLocation Location, string Name, List<WxrItem> Items)>();
        if (header.Slug is not null)
        {
            placed.Add((MenuLocation.Header, header.Name, header.Items));
        }
        if (footer.Slug is not null)
        {
            placed.Add((MenuLocation.Footer, footer.Name, footer.Items));
        }
        var taken = await db.Menus.AsNoTracking().Where(m => m.Items.Any()).Select(m => m.Location).ToListAsync(ct);
        var targets = await TargetsAsync(source, placed.SelectMany(p => p.Items).ToList(), ct);
        var added = 0;
        await writer.CommitAsync(async (tags, token) =>
        {
            foreach (var (location, name, menuItems) in placed)
            {
                if (taken.Contains(location))
                {
                    report.AlreadyImported("menus");
                    continue;
                }
                var menu = await db.Menus.FirstOrDefaultAsync(m => m.Location == location, token);
                if (menu is null)
                {
                    menu = new Menu { Location = location };
                    db.Menus.Add(menu);
                }
                menu.Name = ImportKeys.Clip(WebUtility.HtmlDecode(name).Trim(), MenuLimits.Name);
                added += Build(menu, menuItems, targets, report);
                report.Imported("menus");
                // Menus show on every page.
                tags.Add(CacheTags.Site);
            }
        }, ct, evictLater);
        report.Imported("menu items", added);
        db.ChangeTracker.Clear();
    }

    private static bool Names(string slug, string name, string[] words) =>
        words.Any(w => slug.Contains(w, StringComparison.OrdinalIgnoreCase) || name.Contains(w, StringComparison.OrdinalIgnoreCase));

    private sealed record Targets(
        Dictionary<long, (int Id, string Headline)> Articles,
        Dictionary<long, (int Id, string Name)> Categories,
        Dictionary<long, (string Slug, string Name)> Tags);

    /// <summary>The Herald rows the menu items link to, found through the import's own id map.</summary>
    private async Task<Targets> TargetsAsync(string source, List<WxrItem> items, CancellationToken ct)
    {
        var wanted = items.Select(i => ObjectId(i)).OfType<long>().Distinct().ToList();
        var mapped = await db.ImportedItems.AsNoTracking()
            .Where(i => i.Source == source && wanted.Contains(i.ExternalId)
                && (i.Kind == ImportKeys.Post || i.Kind == ImportKeys.Category || i.Kind == ImportKeys.Tag))
            .Select(i => new { i.Kind, i.ExternalId, i.HeraldId }).ToListAsync(ct);
        var articleIds = mapped.Where(m => m.Kind == ImportKeys.Post).Select(m => m.HeraldId).ToList();
        var headlines = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Headline, ct);
        var categoryIds = mapped.Where(m => m.Kind == ImportKeys.Category).Select(m => m.HeraldId).ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var tagIds = mapped.Where(m => m.Kind == ImportKeys.Tag).Select(m => m.HeraldId).ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.Slug, t.Name), ct);
        return new Targets(
            mapped.Where(m => m.Kind == ImportKeys.Post && headlines.ContainsKey(m.HeraldId)).ToDictionary(m => m.ExternalId, m => (m.HeraldId, headlines[m.HeraldId])),
            mapped.Where(m => m.Kind == ImportKeys.Category && categories.ContainsKey(m.HeraldId)).ToDictionary(m => m.ExternalId, m => (m.HeraldId, categories[m.HeraldId])),
            mapped.Where(m => m.Kind == ImportKeys.Tag && tags.ContainsKey(m.HeraldId)).ToDictionary(m => m.ExternalId, m => tags[m.HeraldId]));
    }

    private static long? ObjectId(WxrItem item) =>
        long.TryParse(item.MetaValue("_menu_item_object_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Adds the menu's items in WordPress's order; returns how many.</summary>
    private static int Build(Menu menu, List<WxrItem> items, Targets targets, ImportReport report)
    {
        var built = new Dictionary<long, MenuItem>();
        var parentOf = items.ToDictionary(i => i.PostId, i => long.TryParse(i.MetaValue("_menu_item_menu_item_parent"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0);
        var position = 0;
        foreach (var item in items)
        {
            var where = $"{menu.Name}: {(item.Title.Length > 0 ? item.Title : "#" + item.PostId.ToString(CultureInfo.InvariantCulture))}";
            if (built.Count >= MenuLimits.Items)
            {
                report.Note($"menu items past the {MenuLimits.Items} a Herald menu holds (left out)", where);
                continue;
            }
            var row = new MenuItem { Label = "", Menu = menu };
            var fallback = "";
            var objectId = ObjectId(item) ?? 0;
            switch (item.MetaValue("_menu_item_type"))
            {
                case "custom":
                    var url = item.MetaValue("_menu_item_url")?.Trim() ?? "";
                    if (url is "" or "#")
                    {
                        // WordPress's way of writing a heading for the items under it.
                        break;
                    }
                    if (!MenuLimits.IsAllowedUrl(url))
                    {
                        report.Note("menu items with an address Herald does not link to (left out)", $"{where} → {url}");
                        continue;
                    }
                    row.Url = url;
                    fallback = url;
                    break;
                case "post_type" when targets.Articles.TryGetValue(objectId, out var article):
                    row.ArticleId = article.Id;
                    fallback = article.Headline;
                    break;
                case "taxonomy" when item.MetaValue("_menu_item_object") == "category" && targets.Categories.TryGetValue(objectId, out var category):
                    row.CategoryId = category.Id;
                    fallback = category.Name;
                    break;
                case "taxonomy" when item.MetaValue("_menu_item_object") == "post_tag" && targets.Tags.TryGetValue(objectId, out var tag):
                    row.Url = ArticleUrls.Tag(tag.Slug);
                    fallback = tag.Name;
                    break;
                default:
                    report.Note("menu items linking to something not imported (left out)", where);
                    continue;
            }
            var label = WebUtility.HtmlDecode(item.Title).Trim();
            row.Label = ImportKeys.Clip(label.Length > 0 ? label : fallback, MenuLimits.Label);
            if (row.Label.Length == 0)
            {
                report.Note("menu items with neither a label nor a link (left out)", where);
                continue;
            }
            // One level of nesting: an item under a nested item hangs under the top-level one.
            MenuItem? parent = null;
            var seen = new HashSet<long> { item.PostId };
            for (var up = parentOf[item.PostId]; up != 0 && seen.Add(up); up = parentOf.GetValueOrDefault(up))
            {
                if (built.TryGetValue(up, out var candidate))
                {
                    parent = candidate;
                }
            }
            while (parent?.Parent is { } higher)
            {
                parent = higher;
            }
            row.Parent = parent;
            row.Position = position++;
            built[item.PostId] = row;
            menu.Items.Add(row);
        }
        return built.Count;
    }
}