using System.Security.Claims;
using Herald.Accounts;
using Herald.Articles;
using Herald.Newsroom.Editor;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Pages;

/// <summary>
/// The newsroom's front page: the person's drafts, what waits for review, what is scheduled and
/// what went out lately. Writers see their own work; editors see the whole newsroom's.
/// </summary>
public sealed class IndexModel(UserManager<HeraldUser> users, HeraldDbContext db, SiteState site, IAuthorizationService authorization) : PageModel
{
    private const int PerList = 10;

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> UserRoles { get; private set; } = [];
    public IReadOnlyList<ArticleRow> MyDrafts { get; private set; } = [];
    public IReadOnlyList<ArticleRow> Submitted { get; private set; } = [];
    public IReadOnlyList<ArticleRow> Scheduled { get; private set; } = [];
    public IReadOnlyList<ArticleRow> RecentlyPublished { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Comments waiting for a moderator; null for roles that do not moderate.</summary>
    public int? PendingComments { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        UserRoles = user is null ? [] : (await users.GetRolesAsync(user)).ToList();
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var visible = ArticlesModel.VisibleTo(db, User);
        MyDrafts = await List(db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Unpublished)
            .Where(a => a.CreatedByUserId == userId || a.Authors.Any(b => b.Author.UserId == userId))
            .OrderByDescending(a => a.EditedAt ?? a.CreatedAt), ct);
        Submitted = await List(visible.Where(a => a.Status == ArticleStatus.Submitted).OrderBy(a => a.EditedAt), ct);
        Scheduled = await List(visible.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.PublishedAt), ct);
        RecentlyPublished = await List(db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt), ct);
        if ((await authorization.AuthorizeAsync(User, NewsroomAccess.Editors)).Succeeded)
        {
            PendingComments = await db.Comments.CountAsync(c => c.Status == Herald.Comments.ModerationStatus.Pending, ct);
        }
    }

    private static Task<List<ArticleRow>> List(IQueryable<Article> articles, CancellationToken ct) =>
        articles.Take(PerList).Select(ArticleRow.From).ToListAsync(ct);
}