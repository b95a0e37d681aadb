using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using static Herald.WordPress.Export.WxrWriter;

namespace Herald.WordPress.Export;

/// <summary>
/// The head of the file: the channel's description of the site, then the authors, categories
/// and tags every item refers to by login or slug.
/// </summary>
public sealed class WxrChannel(HeraldDbContext db, WxrWriter wxr, WxrSite site)
{
    public void WriteHeader(SiteSettings settings, DateTime nowUtc)
    {
        wxr.TextLine(1, "title", null, settings.Title);
        wxr.TextLine(1, "link", null, site.Url);
        wxr.TextLine(1, "description", null, settings.Tagline);
        wxr.TextLine(1, "pubDate", null, WxrDates.Rss(nowUtc));
        // Herald's pages are written in English (the layout says lang="en").
        wxr.TextLine(1, "language", null, "en");
        wxr.TextLine(1, "wxr_version", WpNamespace, "1.2");
        wxr.TextLine(1, "base_site_url", WpNamespace, site.Url);
        wxr.TextLine(1, "base_blog_url", WpNamespace, site.Url);
    }

    /// <summary>One wp:author per byline name; the e-mail is that of the newsroom account behind it, if any.</summary>
    public async Task<int> WriteAuthorsAsync(CancellationToken ct)
    {
        var authors =
            from author in db.Authors.AsNoTracking()
            join user in db.Users.AsNoTracking() on author.UserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby author.Id
            select new { author.Id, author.Slug, author.Name, Email = user == null ? null : user.Email };
        var count = 0;
        await foreach (var author in authors.AsAsyncEnumerable().WithCancellation(ct))
        {
            wxr.Open(1, "author", WpNamespace);
            wxr.Text("author_id", WpNamespace, author.Id);
            wxr.CData("author_login", WpNamespace, author.Slug);
            wxr.CData("author_email", WpNamespace, author.Email ?? "");
            wxr.CData("author_display_name", WpNamespace, author.Name);
            wxr.CData("author_first_name", WpNamespace, "");
            wxr.CData("author_last_name", WpNamespace, "");
            wxr.End();
            count++;
        }
        return count;
    }

    /// <summary>
    /// Categories parents first: WordPress's importer looks a parent up by its slug when it
    /// creates the child, so a child listed before its parent would lose its place in the tree.
    /// </summary>
    public async Task<int> WriteCategoriesAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Description, c.ParentId })
            .ToListAsync(ct);
        var byId = categories.ToDictionary(c => c.Id);
        var ordered = ParentsFirst(categories.Select(c => c.Id).ToList(), id => byId[id].ParentId is { } p && byId.ContainsKey(p) ? p : null);
        foreach (var id in ordered)
        {
            var category = byId[id];
            var parentSlug = category.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) ? parent.Slug : "";
            wxr.Open(1, "category", WpNamespace);
            wxr.Text("term_id", WpNamespace, category.Id);
            wxr.CData("category_nicename", WpNamespace, category.Slug);
            wxr.CData("category_parent", WpNamespace, parentSlug);
            wxr.CData("cat_name", WpNamespace, category.Name);
            if (!string.IsNullOrEmpty(category.Description))
            {
                wxr.CData("category_description", WpNamespace, category.Description);
            }
            wxr.End();
        }
        return categories.Count;
    }

    public async Task<int> WriteTagsAsync(CancellationToken ct)
    {
        var count = 0;
        await foreach (var tag in db.Tags.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Slug, t.Name })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            wxr.Open(1, "tag", WpNamespace);
            wxr.Text("term_id", WpNamespace, tag.Id);
            wxr.CData("tag_slug", WpNamespace, tag.Slug);
            wxr.CData("tag_name", WpNamespace, tag.Name);
            wxr.End();
            count++;
        }
        return count;
    }

    /// <summary>
    /// Orders ids so each comes after its parent. A loop in the parent chain (which the
    /// newsroom should never allow) is broken where it is found rather than hanging the export.
    /// </summary>
    public static List<int> ParentsFirst(IReadOnlyList<int> ids, Func<int, int?> parentOf)
    {
        var ordered = new List<int>(ids.Count);
        var placed = new HashSet<int>();
        foreach (var id in ids)
        {
            var chain = new List<int>();
            var seen = new HashSet<int>();
            for (int? current = id; current is { } c && !placed.Contains(c) && seen.Add(c); current = parentOf(c))
            {
                chain.Add(c);
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                placed.Add(chain[i]);
                ordered.Add(chain[i]);
            }
        }
        return ordered;
    }
}