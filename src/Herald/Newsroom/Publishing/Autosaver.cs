using System.Security.Claims;
using Herald.Articles;
using Herald.Newsroom.Editor;
using Herald.Newsroom.Revisions;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>What the editor's script learns after an autosave.</summary>
public sealed record AutosaveResult(int StatusCode, int Id, int Version, bool Applied, string Message);

/// <summary>
/// Saves what is being typed every few seconds. A draft is updated in place — its words only: the
/// change handlers and cache eviction wait for an explicit save; a live article is not changed
/// behind the reader's back, so the words are kept aside as an autosave revision; and when the
/// draft cannot take them (someone else saved, a bad slug) they are kept aside too.
/// </summary>
public sealed class Autosaver(HeraldDbContext db, ArticlePublisher publisher, TimeProvider clock)
{
    public async Task<AutosaveResult> AutosaveAsync(ClaimsPrincipal user, ArticleForm form, CancellationToken ct)
    {
        if (form.Id != 0)
        {
            var article = await db.Articles.AsNoTracking().WithByline().FirstOrDefaultAsync(a => a.Id == form.Id, ct);
            if (article is null)
            {
                return new(404, form.Id, form.Version, false, "This article no longer exists. Your text is kept in this browser.");
            }
            if (!ArticleAuthorizationHandler.Allows(user, ArticleOperations.Edit, article))
            {
                return new(403, form.Id, form.Version, false, "You may not edit this article.");
            }
            if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
            {
                await KeepAsideAsync(user, article, form, ct);
                return new(200, article.Id, form.Version, false,
                    $"Changes kept as an autosave at {Time()}; readers see them once you press Update.");
            }
        }

        var outcome = await publisher.SaveAsync(user, form, EditorAction.Save, ct, RevisionKind.Autosave, "Autosave");
        switch (outcome)
        {
            case PublishOutcome.Done done:
                return new(200, done.Article.Id, done.Article.Version, true, $"Draft saved at {Time()}.");
            case PublishOutcome.Conflict conflict:
                await KeepAsideAsync(user, conflict.Current, form, ct);
                return new(409, form.Id, form.Version, false,
                    "Someone else saved this article meanwhile. Your text is kept (in this browser and as an autosave); press Save to compare both versions.");
            case PublishOutcome.Rejected rejected:
                if (form.Id != 0 && await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == form.Id, ct) is { } current)
                {
                    await KeepAsideAsync(user, current, form, ct);
                }
                return new(422, form.Id, form.Version, false, "Not saved: " + string.Join(" ", rejected.Problems));
            case PublishOutcome.Forbidden:
                return new(403, form.Id, form.Version, false, "You may not edit this article.");
            default:
                return new(404, form.Id, form.Version, false, "This article no longer exists. Your text is kept in this browser.");
        }
    }

    private string Time() => clock.GetUtcNow().UtcDateTime.ToString("HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores the typed words as this person's latest autosave revision without touching the article.</summary>
    private async Task KeepAsideAsync(ClaimsPrincipal user, Article article, ArticleForm form, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var by = await StaffMember.ResolveAsync(db, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var revision = latest is { Kind: RevisionKind.Autosave } && latest.UserId == by.UserId ? latest : null;
        if (revision is null)
        {
            revision = new ArticleRevision { ArticleId = article.Id, Kind = RevisionKind.Autosave };
            db.ArticleRevisions.Add(revision);
        }
        revision.ArticleVersion = article.Version;
        revision.Note = "Autosave, not yet applied";
        revision.Headline = Cut(form.Headline ?? "", ArticleLimits.Headline);
        revision.Dek = form.Dek is null ? null : Cut(form.Dek, ArticleLimits.Dek);
        revision.Slug = Cut(string.IsNullOrWhiteSpace(form.Slug) ? article.Slug : form.Slug, ArticleLimits.Slug);
        revision.BodySource = form.Body ?? "";
        revision.Excerpt = form.Excerpt is null ? null : Cut(form.Excerpt, ArticleLimits.Excerpt);
        revision.UserId = by.UserId;
        revision.UserName = by.Name;
        revision.CreatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}