using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Herald.Articles;
using Herald.Newsroom.Taxonomy;
using Herald.Site.Menus;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Menus;

/// <summary>
/// The header and footer menus (editors and administrators): add an item linking a section, an
/// article or page, an address, or nothing (a heading); change, move and remove items. A refused
/// save answers 422 with the reason and the words typed; a saved one evicts every cached page.
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class MenusModel(HeraldDbContext db, SiteChanges changes) : PageModel
{
    /// <summary>Stories offered in the target list besides pages; an older one can still be linked by its address.</summary>
    private const int RecentStories = 100;

    public IReadOnlyDictionary<MenuLocation, IReadOnlyList<MenuItem>> Items { get; private set; } = new Dictionary<MenuLocation, IReadOnlyList<MenuItem>>();
    public IReadOnlyList<(int Id, string Name)> Sections { get; private set; } = [];
    public IReadOnlyList<(int Id, string Headline, ArticleKind Kind)> Articles { get; private set; } = [];
    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public ItemForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        var item = Form.Id == 0 ? null : await db.MenuItems.Include(i => i.Menu).FirstOrDefaultAsync(i => i.Id == Form.Id, ct);
        if (Form.Id != 0 && item is null)
        {
            return NotFound();
        }
        var location = item?.Menu.Location ?? Form.Location;
        var menu = item?.Menu ?? await db.Menus.FirstOrDefaultAsync(m => m.Location == location, ct);
        if (item is null && menu is not null && await db.MenuItems.CountAsync(i => i.MenuId == menu.Id, ct) >= MenuLimits.Items)
        {
            return await RefuseAsync($"The {Name(location)} menu has {MenuLimits.Items} items, as many as a menu holds. Remove one first.", ct);
        }
        string? url = null;
        int? categoryId = null, articleId = null;
        switch (Form.Target)
        {
            case "url":
                url = Form.Url?.Trim() ?? "";
                if (url.Length == 0)
                {
                    return await RefuseAsync("Enter the address the item leads to, or choose a section or article.", ct);
                }
                if (!MenuLimits.IsAllowedUrl(url))
                {
                    return await RefuseAsync($"\"{Clip(url)}\" cannot be a menu link. {MenuLimits.UrlRule}", ct);
                }
                break;
            case "none":
                break;
            case { } target when target.StartsWith("section:", StringComparison.Ordinal) && Id(target) is { } section
                                 && await db.Categories.AnyAsync(c => c.Id == section, ct):
                categoryId = section;
                break;
            case { } target when target.StartsWith("article:", StringComparison.Ordinal) && Id(target) is { } article
                                 && await db.Articles.AnyAsync(a => a.Id == article, ct):
                articleId = article;
                break;
            default:
                return await RefuseAsync("Choose what the item leads to: a section, an article, an address, or no link.", ct);
        }
        MenuItem? parent = null;
        if (Form.ParentId is { } parentId)
        {
            parent = await db.MenuItems.FirstOrDefaultAsync(i => i.Id == parentId, ct);
            if (parent is null || parent.Id == Form.Id || parent.ParentId is not null || (menu is not null && parent.MenuId != menu.Id) || (menu is null))
            {
                return await RefuseAsync("An item can hang only under a top-level item of the same menu.", ct);
            }
            if (item is not null && await db.MenuItems.AnyAsync(i => i.ParentId == item.Id, ct))
            {
                return await RefuseAsync("This item has items under it, so it stays at the top level (menus show one level of nesting).", ct);
            }
        }
        if (menu is null)
        {
            menu = new Menu { Location = location, Name = Name(location) };
            db.Menus.Add(menu);
        }
        if (item is null)
        {
            var last = menu.Id == 0 ? -1 : await db.MenuItems.Where(i => i.MenuId == menu.Id).MaxAsync(i => (int?)i.Position, ct) ?? -1;
            item = new MenuItem { Label = "", Menu = menu, Position = last + 1 };
            db.MenuItems.Add(item);
        }
        item.Label = Form.Label.Trim();
        item.Url = url;
        item.CategoryId = categoryId;
        item.ArticleId = articleId;
        item.Parent = parent;
        item.ParentId = parent?.Id;
        await changes.SaveAsync(ct);
        Notice = $"Saved \"{item.Label}\" in the {Name(location)} menu.";
        return Redirect("/newsroom/menus");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var item = await db.MenuItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        // The items under it move to the top level rather than vanish with it.
        foreach (var child in await db.MenuItems.Where(i => i.ParentId == id).ToListAsync(ct))
        {
            child.ParentId = null;
        }
        db.MenuItems.Remove(item);
        await changes.SaveAsync(ct);
        Notice = $"Removed \"{item.Label}\".";
        return Redirect("/newsroom/menus");
    }

    /// <summary>Swaps the item with its neighbour among the items at its level.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, string direction, CancellationToken ct)
    {
        var item = await db.MenuItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        var siblings = await db.MenuItems.Where(i => i.MenuId == item.MenuId && i.ParentId == item.ParentId)
            .OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
        var index = siblings.IndexOf(item);
        var other = direction == "up" ? index - 1 : index + 1;
        if (other >= 0 && other < siblings.Count)
        {
            (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
            // Positions made anew from the order shown, so that equal positions (an import's, say) move too.
            for (var i = 0; i < siblings.Count; i++)
            {
                siblings[i].Position = i;
            }
            await changes.SaveAsync(ct);
        }
        return Redirect("/newsroom/menus");
    }

    public static string Name(MenuLocation location) => location == MenuLocation.Header ? "header" : "footer";

    /// <summary>The target list's value for an item: "url", "none", "section:ID" or "article:ID".</summary>
    public static string TargetOf(MenuItem item) =>
        item.CategoryId is { } c ? $"section:{c}" : item.ArticleId is { } a ? $"article:{a}" : item.Url is not null ? "url" : "none";

    private static int? Id(string target) =>
        int.TryParse(target[(target.IndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Clip(string text) => text.Length <= 80 ? text : text[..79] + "…";

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = await db.MenuItems.AsNoTracking().Include(i => i.Menu).Include(i => i.Article)
            .OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
        Items = Enum.GetValues<MenuLocation>().ToDictionary(l => l, l => (IReadOnlyList<MenuItem>)InDisplayOrder(items.Where(i => i.Menu.Location == l).ToList()));
        Sections = (await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        var pages = await db.Articles.AsNoTracking().Where(a => a.Kind == ArticleKind.Page).OrderBy(a => a.Headline)
            .Select(a => new { a.Id, a.Headline, a.Kind }).ToListAsync(ct);
        var stories = await db.Articles.AsNoTracking().Where(a => a.Kind == ArticleKind.Story && a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Take(RecentStories).Select(a => new { a.Id, a.Headline, a.Kind }).ToListAsync(ct);
        var linked = items.Where(i => i.Article is not null).Select(i => new { i.Article!.Id, i.Article.Headline, i.Article.Kind });
        Articles = pages.Concat(stories).Concat(linked).DistinctBy(a => a.Id).Select(a => (a.Id, a.Headline, a.Kind)).ToList();
    }

    /// <summary>Top-level items in order, each followed by the items under it.</summary>
    private static List<MenuItem> InDisplayOrder(List<MenuItem> items)
    {
        var ids = items.Select(i => i.Id).ToHashSet();
        var ordered = new List<MenuItem>();
        foreach (var top in items.Where(i => i.ParentId is not { } p || !ids.Contains(p)))
        {
            ordered.Add(top);
            ordered.AddRange(items.Where(i => i.ParentId == top.Id));
        }
        return ordered;
    }

    public sealed class ItemForm
    {
        public int Id { get; set; }

        public MenuLocation Location { get; set; }

        [Required(ErrorMessage = "A menu item needs a label.")]
        [StringLength(MenuLimits.Label, ErrorMessage = "A label has at most 100 characters.")]
        public string Label { get; set; } = "";

        [StringLength(20)]
        public string Target { get; set; } = "url";

        [StringLength(MenuLimits.Url, ErrorMessage = "An address has at most 500 characters.")]
        public string? Url { get; set; }

        public int? ParentId { get; set; }
    }
}