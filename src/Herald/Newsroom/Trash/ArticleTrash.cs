using System.Security.Claims;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Publishing;
using Herald.Newsroom.Revisions;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Trash;

/// <summary>
/// Deleting in the newsroom moves a story to the trash: the row, its revisions, comments, tags and
/// slug stay; its status becomes <see cref="ArticleStatus.Trashed"/>, so the one rule of what is
/// public (<see cref="PublicArticles"/>) leaves it out everywhere, and its address answers 410 Gone.
/// A restore brings it back as it stood, except that a story that was live returns to the site only
/// when the person confirms it (otherwise it comes back unpublished, a scheduled one as a draft).
/// Every step is a write through <see cref="ArticlePipeline"/>, so handlers and cache eviction follow.
/// </summary>
public sealed class ArticleTrash(HeraldDbContext db, IAuthorizationService authorization, ArticlePipeline pipeline, TimeProvider clock)
{
    /// <summary>Moves a story to the trash; a live one only when <paramref name="confirmed"/>, as it leaves the site.</summary>
    public async Task<PublishOutcome> MoveToTrashAsync(ClaimsPrincipal user, int id, bool confirmed, CancellationToken ct)
    {
        var edit = await pipeline.OpenAsync(id, ct);
        if (edit is null)
        {
            return new PublishOutcome.NotFound();
        }
        var article = edit.Article;
        if (!await MayAsync(user, article, ArticleOperations.Delete))
        {
            return new PublishOutcome.Forbidden();
        }
        if (article.Status == ArticleStatus.Trashed)
        {
            return new PublishOutcome.Done(article);
        }
        if (IsLive(article.Status) && !confirmed)
        {
            return new PublishOutcome.NeedsConfirmation(article);
        }
        var by = await StaffMember.ResolveAsync(db, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        article.StatusBeforeTrash = article.Status;
        article.Status = ArticleStatus.Trashed;
        article.TrashedAt = now;
        article.TrashedByUserId = by.UserId;
        article.TrashedByName = by.Name;
        return await SaveAsync(edit, by, now, "Moved to the trash", ct);
    }

    /// <summary>
    /// Takes a story out of the trash. One that was published (or scheduled) goes back on the site
    /// only with <paramref name="republish"/> and <paramref name="confirmed"/>; without
    /// <paramref name="republish"/> it returns unpublished (a scheduled one as a draft).
    /// </summary>
    public async Task<PublishOutcome> RestoreAsync(ClaimsPrincipal user, int id, bool republish, bool confirmed, CancellationToken ct)
    {
        var edit = await pipeline.OpenAsync(id, ct);
        if (edit?.Article is not { Status: ArticleStatus.Trashed } article)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Delete)
            || (republish && !await MayAsync(user, article, ArticleOperations.Publish)))
        {
            return new PublishOutcome.Forbidden();
        }
        var before = article.StatusBeforeTrash ?? ArticleStatus.Draft;
        var now = clock.GetUtcNow().UtcDateTime;
        republish &= IsLive(before);
        if (republish && !confirmed)
        {
            return new PublishOutcome.NeedsConfirmation(article);
        }
        article.Status = (before, republish) switch
        {
            (ArticleStatus.Scheduled, true) when article.PublishedAt > now => ArticleStatus.Scheduled,
            (ArticleStatus.Published or ArticleStatus.Scheduled, true) => ArticleStatus.Published,
            (ArticleStatus.Published, false) => ArticleStatus.Unpublished,
            (ArticleStatus.Scheduled, false) => ArticleStatus.Draft,
            _ => before,
        };
        if (article.Status == ArticleStatus.Published && (article.PublishedAt is null || article.PublishedAt > now))
        {
            article.PublishedAt = now;
        }
        article.StatusBeforeTrash = null;
        article.TrashedAt = null;
        article.TrashedByUserId = null;
        article.TrashedByName = null;
        var by = await StaffMember.ResolveAsync(db, user, ct);
        return await SaveAsync(edit, by, now, $"Restored from the trash as {Workflow.Label(article.Status).ToLowerInvariant()}", ct);
    }

    /// <summary>Removes a trashed story for good, with its revisions and comments (editors only).</summary>
    public async Task<PublishOutcome> DeleteForeverAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var edit = await pipeline.OpenAsync(id, ct);
        if (edit?.Article is not { Status: ArticleStatus.Trashed } article)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.DeleteForever))
        {
            return new PublishOutcome.Forbidden();
        }
        await pipeline.DeleteAsync(edit, ArticleWriteOrigin.Newsroom, ct);
        return new PublishOutcome.Done(article);
    }

    /// <summary>Deletes for good the stories trashed before <paramref name="cutoff"/>, a few at a time; returns how many.</summary>
    public async Task<int> PurgeTrashedBeforeAsync(DateTime cutoff, int limit, CancellationToken ct)
    {
        var expired = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Trashed && a.TrashedAt < cutoff)
            .OrderBy(a => a.TrashedAt).Select(a => a.Id).Take(limit).ToListAsync(ct);
        var purged = 0;
        foreach (var id in expired)
        {
            db.ChangeTracker.Clear();
            // Read again: a restore since the list was read keeps the story.
            if (await pipeline.OpenAsync(id, ct) is { Article: { Status: ArticleStatus.Trashed, TrashedAt: { } at } } edit && at < cutoff)
            {
                try
                {
                    await pipeline.DeleteAsync(edit, ArticleWriteOrigin.Schedule, ct);
                    purged++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another node purged or restored it between our read and our write: theirs stands.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return purged;
    }

    public static bool IsLive(ArticleStatus status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;

    private async Task<PublishOutcome> SaveAsync(ArticleEdit edit, StaffMember by, DateTime now, string note, CancellationToken ct)
    {
        var article = edit.Article;
        article.Version++;
        article.EditedAt = now;
        try
        {
            var refused = await pipeline.SaveAsync(edit, ArticleWriteOrigin.Newsroom, ct,
                saved => db.ArticleRevisions.Add(ArticleRevision.Of(saved, RevisionKind.Save, note, by.UserId, by.Name, now)));
            return refused.Count > 0 ? new PublishOutcome.Rejected(refused) : new PublishOutcome.Done(article);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the story between our read and our write: nothing changed; they try again.
            db.ChangeTracker.Clear();
            return new PublishOutcome.Rejected([$"Someone changed \"{article.Headline}\" a moment ago. Look at it again, then try once more."]);
        }
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, Article article, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, article, operation)).Succeeded;
}