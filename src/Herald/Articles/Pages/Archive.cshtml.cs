using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles.Pages;

/// <summary>The list of a section, a tag or an author: one page, three kinds of archive.</summary>
[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class ArchiveModel(ArticleQueries articles, HeraldDbContext db, SiteState site) : PageModel
{
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public string BasePath { get; private set; } = "";
    public PagedList<ArticleSummary> List { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string kind, string slug, [FromQuery(Name = "page")] string? pageParameter, CancellationToken ct)
    {
        if (!PageNumber.TryParse(pageParameter, out var page))
        {
            return BadRequest();
        }
        if (slug.Length > 200)
        {
            return NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        Kind = kind;
        BasePath = ArticleUrls.Archive(kind, slug);

        IQueryable<Article>? source = null;
        switch (kind)
        {
            case "category":
                var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
                if (category is not null)
                {
                    (Name, Description) = (category.Name, category.Description);
                    source = articles.Published().Where(a => a.PrimaryCategoryId == category.Id || a.Categories.Any(c => c.Id == category.Id));
                }
                break;
            case "tag":
                var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
                if (tag is not null)
                {
                    Name = tag.Name;
                    source = articles.Published().Where(a => a.Tags.Any(t => t.Id == tag.Id));
                }
                break;
            case "author":
                var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
                if (author is not null)
                {
                    (Name, Description) = (author.Name, author.Bio);
                    source = articles.Published().Where(a => a.Authors.Any(b => b.AuthorId == author.Id));
                }
                break;
        }
        if (source is null)
        {
            return NotFound();
        }
        List = await articles.ListAsync(source, page, snapshot.Settings.PostsPerPage, ct);
        if (page > List.PageCount)
        {
            return NotFound();
        }
        HttpContext.TagResponse(kind switch
        {
            "category" => CacheTags.Category(slug),
            "tag" => CacheTags.Tag(slug),
            _ => CacheTags.Author(slug),
        });
        return Page();
    }
}