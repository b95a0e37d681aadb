using System.Security.Claims;
using Herald.Articles;
using Herald.Newsroom.Editor;
using Herald.Newsroom.Revisions;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>
/// The one way the newsroom changes an article: permission, conflict check, workflow step,
/// revision, then <see cref="ArticleCommitter"/> (handlers in the transaction, cache after it).
/// </summary>
public sealed class ArticlePublisher(
    HeraldDbContext db, IAuthorizationService authorization, ArticleFormApplier applier, ArticleCommitter committer,
    ScheduleSignal schedule, TimeProvider clock)
{
    public async Task<PublishOutcome> SaveAsync(ClaimsPrincipal user, ArticleForm form, EditorAction action,
        CancellationToken ct, RevisionKind kind = RevisionKind.Save, string? note = null)
    {
        var by = await StaffMember.ResolveAsync(db, user, ct);
        var article = form.Id == 0 ? await NewArticleAsync(by, ct) : await db.LoadForWriteAsync(form.Id, ct);
        if (article is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Edit)
            || (action is not EditorAction.Save and not EditorAction.Submit && !await MayAsync(user, article, ArticleOperations.Publish)))
        {
            return new PublishOutcome.Forbidden();
        }
        if (article.Id != 0 && await EditedByOthersSinceAsync(article, form.Version, by, ct))
        {
            return new PublishOutcome.Conflict(article);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await committer.ZoneAsync(ct);
        var previousTags = ArticleCommitter.PublicTags(article, zone, now);
        var (previousSlug, previousStatus) = (article.Slug, article.Status);
        var problems = await applier.ApplyAsync(article, form, by, await MayAsync(user, article, ArticleOperations.ChooseAuthors), ct);
        problems.AddRange(Workflow.Apply(article, action, form.ScheduleAt, zone, now));
        if (problems.Count > 0)
        {
            return new PublishOutcome.Rejected(problems);
        }
        RecordOldSlug(article, previousSlug, zone);

        article.Version++;
        article.EditedAt = now;
        if (article.Status == ArticleStatus.Published)
        {
            article.UpdatedAt = now;
        }
        var revisionNote = note ?? Workflow.Describe(action, article, zone);
        if (!await CoalesceAutosaveAsync(article, kind, by, now, ct))
        {
            db.ArticleRevisions.Add(ArticleRevision.Of(article, kind, revisionNote, by.UserId, by.Name, now));
        }
        var change = Workflow.ChangeKind(previousStatus, article.Status);
        try
        {
            await committer.CommitAsync(article, change, previousTags, ArticleCommitter.PublicTags(article, zone, now), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stays, the person sees both.
            db.ChangeTracker.Clear();
            return await db.LoadForWriteAsync(form.Id, ct) is { } current ? new PublishOutcome.Conflict(current) : new PublishOutcome.NotFound();
        }
        catch (DbUpdateException) when (article.Slug.Length > 0)
        {
            // The unique index is the last word when two people claim one slug at the same moment.
            var slug = article.Slug;
            if (!await SlugTakenAsync(article, ct))
            {
                throw;
            }
            return new PublishOutcome.Rejected([$"Another article took the slug \"{slug}\" a moment ago. Choose another."]);
        }
        if (article.Status == ArticleStatus.Scheduled)
        {
            schedule.Poke();
        }
        return new PublishOutcome.Done(article);
    }

    public async Task<PublishOutcome> RestoreAsync(ClaimsPrincipal user, int articleId, int revisionId, CancellationToken ct)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, ct);
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Authors).Include(a => a.Categories).Include(a => a.Tags).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (revision is null || article is null)
        {
            return new PublishOutcome.NotFound();
        }
        var form = ArticleForm.From(article);
        (form.Headline, form.Dek, form.Body, form.Excerpt) = (revision.Headline, revision.Dek, revision.BodySource, revision.Excerpt);
        db.ChangeTracker.Clear();
        var number = await db.ArticleRevisions.CountAsync(r => r.ArticleId == articleId && r.Id <= revisionId, ct);
        return await SaveAsync(user, form, EditorAction.Save, ct, RevisionKind.Restore,
            $"Restored revision {number} ({revision.UserName}, {Display.DateAndTime(revision.CreatedAt, await committer.ZoneAsync(ct))})");
    }

    public async Task<PublishOutcome> DeleteAsync(ClaimsPrincipal user, int articleId, CancellationToken ct)
    {
        var article = await db.LoadForWriteAsync(articleId, ct);
        if (article is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Delete))
        {
            return new PublishOutcome.Forbidden();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var previousTags = ArticleCommitter.PublicTags(article, await committer.ZoneAsync(ct), now);
        db.Articles.Remove(article);
        await committer.CommitAsync(article, ArticleChangeKind.Deleted, previousTags, [], ct);
        return new PublishOutcome.Done(article);
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, Article article, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, article, operation)).Succeeded;

    private async Task<Article> NewArticleAsync(StaffMember by, CancellationToken ct)
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
        var article = new Article
        {
            Slug = "",
            Headline = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = by.UserId,
            CommentStatus = settings.CommentsOpenByDefault ? CommentStatus.Open : CommentStatus.Closed,
        };
        db.Articles.Add(article);
        return article;
    }

    /// <summary>
    /// A newer version is a conflict only when another person made it: a person's own autosaves
    /// (or Herald publishing on schedule) must not stand in their way.
    /// </summary>
    private Task<bool> EditedByOthersSinceAsync(Article article, int seenVersion, StaffMember by, CancellationToken ct) =>
        article.Version == seenVersion
            ? Task.FromResult(false)
            : db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id && r.ArticleVersion > seenVersion
                && r.UserId != null && r.UserId != by.UserId, ct);

    /// <summary>Keystroke-paced autosaves by one person fold into one revision rather than hundreds.</summary>
    private async Task<bool> CoalesceAutosaveAsync(Article article, RevisionKind kind, StaffMember by, DateTime now, CancellationToken ct)
    {
        if (kind != RevisionKind.Autosave || article.Id == 0)
        {
            return false;
        }
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (latest is null || latest.Kind != RevisionKind.Autosave || latest.UserId != by.UserId)
        {
            return false;
        }
        var fresh = ArticleRevision.Of(article, kind, latest.Note, by.UserId, by.Name, now);
        fresh.Id = latest.Id;
        db.Entry(latest).CurrentValues.SetValues(fresh);
        return true;
    }

    private void RecordOldSlug(Article article, string previousSlug, TimeZoneInfo zone)
    {
        article.OldSlugs.RemoveAll(o => o.Slug == article.Slug);
        // Only an address readers may have seen deserves a redirect.
        if (previousSlug.Length == 0 || previousSlug == article.Slug || article.PublishedAt is not { } at
            || article.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished))
        {
            return;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
        if (article.OldSlugs.All(o => o.Slug != previousSlug))
        {
            article.OldSlugs.Add(new OldSlug { Slug = previousSlug, Year = local.Year, Month = local.Month });
        }
    }

    private Task<bool> SlugTakenAsync(Article article, CancellationToken ct)
    {
        var slug = article.Slug;
        var id = article.Id;
        db.ChangeTracker.Clear();
        return db.Articles.AnyAsync(a => a.Slug == slug && a.Id != id, ct);
    }
}