using Herald.Articles;
using Herald.Hosting;
using Herald.Newsroom.Confirm;
using Herald.Newsroom.Editor;
using Herald.Newsroom.Publishing;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Trash;

/// <summary>A trashed story as the Trash page lists it.</summary>
public sealed record TrashedRow(int Id, string Headline, ArticleStatus? Before, string? TrashedBy, DateTime TrashedAt, DateTime? PublishedAt)
{
    public string Title => Headline.Length > 0 ? Headline : "(no headline)";
}

/// <summary>
/// The newsroom's trash: who moved what there and when, restore, and (for editors) delete for good.
/// Everyone sees the trashed stories they may work on (<see cref="ArticlesModel.VisibleTo"/>).
/// </summary>
public sealed class TrashModel(HeraldDbContext db, ArticleTrash trash, SiteState site, ServeOptions options) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<TrashedRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public TimeSpan Retention => options.TrashRetention;
    public bool MayDeleteForever => ArticleAuthorizationHandler.IsEditor(User);
    public bool MayPublish(TrashedRow row) => ArticleAuthorizationHandler.IsEditor(User) || User.IsInRole(Accounts.Roles.Author);
    public Confirmation? Confirmation { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Brings a story back; <paramref name="republish"/> puts a story that was live back on the site, once confirmed.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, bool republish, string? confirm, CancellationToken ct)
    {
        switch (await trash.RestoreAsync(User, id, republish, Confirmation.Given(confirm, RepublishConfirmation), ct))
        {
            case PublishOutcome.Done done:
                Notice = $"Restored \"{done.Article.Headline}\" as {Workflow.Label(done.Article.Status).ToLowerInvariant()}.";
                return Redirect($"/newsroom/articles/edit/{done.Article.Id}");
            case PublishOutcome.NeedsConfirmation asked:
                var zone = (await site.GetAsync(ct)).Settings.TimeZone;
                var address = asked.Article.PublishedAt is { } at ? ArticleUrls.For(at, asked.Article.Slug, zone) : null;
                Confirmation = new Confirmation(
                    $"Publish \"{asked.Article.Headline}\" again?",
                    $"It goes back on the site at once{(address is null ? "" : $", at {address}")}, in lists, feeds, search and sitemaps.",
                    "Yes, restore and publish it", "/newsroom/trash", RepublishConfirmation)
                {
                    Action = $"/newsroom/trash?handler=restore&id={id}",
                    Fields = new Dictionary<string, string> { ["republish"] = "true" },
                };
                await LoadAsync(ct);
                return Page();
            case PublishOutcome.Rejected rejected:
                Notice = string.Join(" ", rejected.Problems);
                return Redirect("/newsroom/trash");
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>Removes a trashed story for good, once an editor confirmed it by name.</summary>
    public async Task<IActionResult> OnPostDeleteForeverAsync(int id, string? confirm, CancellationToken ct)
    {
        if (!Confirmation.Given(confirm, DeleteForeverConfirmation))
        {
            var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Trashed, ct);
            if (article is null)
            {
                return NotFound();
            }
            if (!ArticleAuthorizationHandler.Allows(User, ArticleOperations.DeleteForever, article))
            {
                return Forbid();
            }
            Confirmation = new Confirmation(
                $"Delete \"{article.Headline}\" for good?",
                "The story, all its revisions and its comments are deleted. This cannot be undone.",
                "Yes, delete it for good", "/newsroom/trash", DeleteForeverConfirmation)
            {
                Action = $"/newsroom/trash?handler=deleteForever&id={id}",
            };
            await LoadAsync(ct);
            return Page();
        }
        switch (await trash.DeleteForeverAsync(User, id, ct))
        {
            case PublishOutcome.Done done:
                Notice = $"Deleted \"{done.Article.Headline}\" for good.";
                return Redirect("/newsroom/trash");
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public const string RepublishConfirmation = "republish";
    public const string DeleteForeverConfirmation = "delete-forever";

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var trashed = ArticlesModel.VisibleTo(db, User).Where(a => a.Status == ArticleStatus.Trashed);
        Total = await trashed.CountAsync(ct);
        Rows = await trashed.OrderByDescending(a => a.TrashedAt).ThenByDescending(a => a.Id).Take(Shown)
            .Select(a => new TrashedRow(a.Id, a.Headline, a.StatusBeforeTrash, a.TrashedByName, a.TrashedAt ?? a.CreatedAt, a.PublishedAt))
            .ToListAsync(ct);
    }
}