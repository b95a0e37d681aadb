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

        // Each archive is read from the archive index (ArchiveEntry), not from the article rows.
        (ArchiveKind Kind, int Id)? archive = null;
        switch (kind)
        {
            case "category":
                var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
                if (category is not null)
                {
                    (Name, Description) = (category.Name, category.Description);
                    archive = (ArchiveKind.Section, category.Id);
                }
                break;
            case "tag":
                var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
                if (tag is not null)
                {
                    Name = tag.Name;
                    archive = (ArchiveKind.Tag, tag.Id);
                }
                break;
            case "author":
                var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
                if (author is not null)
                {
                    (Name, Description) = (author.Name, author.Bio);
                    archive = (ArchiveKind.Author, author.Id);
                }
                break;
        }
        if (archive is not { } found)
        {
            return NotFound();
        }
        List = await articles.ArchiveAsync(found.Kind, found.Id, page, snapshot.Settings.PostsPerPage, ct);
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