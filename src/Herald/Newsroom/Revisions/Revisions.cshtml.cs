using Herald.Articles;
using Herald.Newsroom.Publishing;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Revisions;

/// <summary>An article's history: who saved what and when, the difference between any two saves, and restore.</summary>
public sealed class RevisionsModel(HeraldDbContext db, ArticlePublisher publisher, SiteState site) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> History { get; private set; } = [];
    public ArticleRevision? From { get; private set; }
    public ArticleRevision? To { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool MayEdit { get; private set; }

    public int NumberOf(ArticleRevision revision) => History.Count - History.ToList().IndexOf(revision);

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        // Newest first; by default compare the latest save with the one before it.
        To = History.FirstOrDefault(r => r.Id == to) ?? History.FirstOrDefault();
        From = History.FirstOrDefault(r => r.Id == from) ?? History.SkipWhile(r => r != To).Skip(1).FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revisionId, CancellationToken ct)
    {
        switch (await publisher.RestoreAsync(User, id, revisionId, ct))
        {
            case PublishOutcome.Done:
                TempData["Notice"] = "Restored. The restored text is now the latest revision.";
                return Redirect($"/newsroom/articles/edit/{id}");
            case PublishOutcome.Drafted:
                TempData["Notice"] = "The story is live, so nothing changed on the site: the revision is now a draft beside the live text. Publish it when you are ready.";
                return Redirect($"/newsroom/articles/{id}/revisions/draft");
            case PublishOutcome.Forbidden:
                return Forbid();
            case PublishOutcome.Rejected rejected:
                TempData["Notice"] = "Could not restore: " + string.Join(" ", rejected.Problems);
                return Redirect($"/newsroom/articles/{id}/revisions");
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().WithByline().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!ArticleAuthorizationHandler.Allows(User, ArticleOperations.Edit, article))
        {
            return Forbid();
        }
        Article = article;
        MayEdit = true;
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        History = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Kind != RevisionKind.Pending)
            .OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return null;
    }
}