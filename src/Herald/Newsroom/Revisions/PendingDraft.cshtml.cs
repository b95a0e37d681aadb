using Herald.Articles;
using Herald.Newsroom.Confirm;
using Herald.Newsroom.Publishing;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Revisions;

/// <summary>
/// A live story's pending draft (an older revision brought back) beside the live text, in two
/// columns; publishing it is a confirmed step of its own, discarding it leaves the story as it is.
/// </summary>
public sealed class PendingDraftModel(HeraldDbContext db, ArticlePublisher publisher, SiteState site) : PageModel
{
    public const string PublishConfirmation = "publish-draft";

    public Article Article { get; private set; } = null!;
    public ArticleRevision Draft { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool MayPublish { get; private set; }
    public Confirmation? Confirmation { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(int id, int version, string? confirm, CancellationToken ct)
    {
        switch (await publisher.PublishDraftAsync(User, id, version, Confirmation.Given(confirm, PublishConfirmation), ct))
        {
            case PublishOutcome.Done:
                Notice = "Published the draft: readers see it now. The text it replaced is kept in the revisions.";
                return Redirect($"/newsroom/articles/edit/{id}");
            case PublishOutcome.NeedsConfirmation asked:
                if (await LoadAsync(id, ct) is { } refused)
                {
                    return refused;
                }
                Confirmation = new Confirmation(
                    $"Publish this draft of \"{asked.Article.Headline}\"?",
                    "Its words replace the live text at once, wherever readers see the story. The live text is kept in the revisions.",
                    "Yes, publish the draft", $"/newsroom/articles/{id}/revisions/draft", PublishConfirmation)
                {
                    Action = $"/newsroom/articles/{id}/revisions/draft?handler=publish",
                    Fields = new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                };
                return Page();
            case PublishOutcome.Conflict:
                Notice = "Someone changed the live story while you were comparing. Look at both again, then publish.";
                return Redirect($"/newsroom/articles/{id}/revisions/draft");
            case PublishOutcome.Rejected rejected:
                Notice = "Could not publish the draft: " + string.Join(" ", rejected.Problems);
                return Redirect($"/newsroom/articles/{id}/revisions/draft");
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        switch (await publisher.DiscardDraftAsync(User, id, ct))
        {
            case PublishOutcome.Done:
                Notice = "Discarded the draft; the live story is as it was.";
                return Redirect($"/newsroom/articles/edit/{id}");
            case PublishOutcome.Forbidden:
                return Forbid();
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
        var draft = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Kind == RevisionKind.Pending, ct);
        if (draft is null)
        {
            return NotFound();
        }
        (Article, Draft) = (article, draft);
        MayPublish = ArticleAuthorizationHandler.Allows(User, ArticleOperations.Publish, article);
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        return null;
    }
}