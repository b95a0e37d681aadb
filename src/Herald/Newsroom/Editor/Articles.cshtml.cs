using System.Security.Claims;
using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Editor;

/// <summary>Every article the person may work on, newest edits first, filtered by status.</summary>
public sealed class ArticlesModel(HeraldDbContext db, SiteState site) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<ArticleRow> Rows { get; private set; } = [];
    public ArticleStatus? Status { get; private set; }
    public PagedList<ArticleRow> Paged { get; private set; } = new([], 1, PageSize, 0);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] string? pageParameter, CancellationToken ct)
    {
        if (!PageNumber.TryParse(pageParameter, out var page))
        {
            return BadRequest();
        }
        if (status is not null)
        {
            if (!Enum.TryParse<ArticleStatus>(status, ignoreCase: true, out var parsed))
            {
                return BadRequest();
            }
            Status = parsed;
        }
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var articles = VisibleTo(db, User);
        if (Status is { } wanted)
        {
            articles = articles.Where(a => a.Status == wanted);
        }
        else
        {
            // The trash has a page of its own; the working list leaves it out.
            articles = articles.Where(a => a.Status != ArticleStatus.Trashed);
        }
        var total = await articles.CountAsync(ct);
        Rows = await articles.OrderByDescending(a => a.EditedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(ArticleRow.From).ToListAsync(ct);
        Paged = new PagedList<ArticleRow>(Rows, page, PageSize, total);
        return Page();
    }

    /// <summary>Editors see every article; everyone else sees their own.</summary>
    public static IQueryable<Article> VisibleTo(HeraldDbContext db, ClaimsPrincipal user)
    {
        var articles = db.Articles.AsNoTracking();
        if (ArticleAuthorizationHandler.IsEditor(user))
        {
            return articles;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return articles.Where(a => a.CreatedByUserId == userId || a.Authors.Any(b => b.Author.UserId == userId));
    }
}