using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Site.Menus;

/// <summary>A menu link as the public site draws it: its words, where it leads (none for a heading), the links under it.</summary>
public sealed record MenuLink(string Label, string? Url, IReadOnlyList<MenuLink> Children);

/// <summary>The header and footer menus, resolved to addresses; empty lists where the site has none.</summary>
public sealed record SiteMenus(IReadOnlyList<MenuLink> Header, IReadOnlyList<MenuLink> Footer)
{
    public static readonly SiteMenus None = new([], []);

    /// <summary>
    /// Reads both menus in one query. A linked section or article is resolved to its address now,
    /// so a renamed slug shows at once; an article that is not public (a draft, unpublished) is
    /// left out, with the items under it moved up a level.
    /// </summary>
    public static async Task<SiteMenus> LoadAsync(HeraldDbContext db, TimeZoneInfo zone, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.MenuItems.AsNoTracking()
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id,
                i.Menu.Location,
                i.Label,
                i.Url,
                i.ParentId,
                CategorySlug = i.Category != null ? i.Category.Slug : null,
                Article = i.Article != null ? new { i.Article.Kind, i.Article.Status, i.Article.PublishedAt, i.Article.Slug } : null,
                Linked = i.CategoryId != null || i.ArticleId != null,
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return None;
        }
        var shown = new Dictionary<int, (MenuLocation Location, int? Parent, string Label, string? Url)>();
        foreach (var row in rows)
        {
            string? url = row.Url;
            if (row.CategorySlug is { } slug)
            {
                url = ArticleUrls.Category(slug);
            }
            else if (row.Article is { } article)
            {
                if (article.Status != ArticleStatus.Published || article.PublishedAt is not { } at || at > nowUtc)
                {
                    continue;
                }
                url = ArticleUrls.For(article.Kind, at, article.Slug, zone);
            }
            shown[row.Id] = (row.Location, row.ParentId, row.Label, url);
        }
        return new SiteMenus(Build(rows.Select(r => r.Id), shown, MenuLocation.Header), Build(rows.Select(r => r.Id), shown, MenuLocation.Footer));
    }

    private static List<MenuLink> Build(IEnumerable<int> order, Dictionary<int, (MenuLocation Location, int? Parent, string Label, string? Url)> shown,
        MenuLocation location)
    {
        var ids = order.Where(id => shown.TryGetValue(id, out var item) && item.Location == location).ToList();
        // An item whose parent is not shown (left out, or nested deeper than one level) stands at the top.
        bool IsTop(int id) => shown[id].Parent is not { } parent || !shown.ContainsKey(parent) || shown[parent].Parent is { } grand && shown.ContainsKey(grand);
        return ids.Where(IsTop)
            .Select(id => new MenuLink(shown[id].Label, shown[id].Url,
                ids.Where(child => !IsTop(child) && shown[child].Parent == id).Select(child => new MenuLink(shown[child].Label, shown[child].Url, [])).ToList()))
            .ToList();
    }
}