using System.Security.Claims;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Editor;
using Herald.Newsroom.Revisions;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>
/// The one way the newsroom changes an article: permission, conflict check, workflow step and
/// revision, then <see cref="ArticlePipeline"/> (render, handlers in the transaction, cache after it).
/// An autosave of a draft goes through <see cref="ArticlePipeline.SaveDraftAsync"/>: the words only.
/// </summary>
public sealed class ArticlePublisher(
    HeraldDbContext db, IAuthorizationService authorization, ArticleFormApplier applier, ArticlePipeline pipeline,
    SiteState site, ScheduleSignal schedule, TimeProvider clock)
{
    public async Task<PublishOutcome> SaveAsync(ClaimsPrincipal user, ArticleForm form, EditorAction action,
        CancellationToken ct, RevisionKind kind = RevisionKind.Save, string? note = null, ArticleWriteOrigin origin = ArticleWriteOrigin.Newsroom)
    {
        var by = await StaffMember.ResolveAsync(db, user, ct);
        var edit = form.Id == 0 ? await NewArticleAsync(by, origin, ct) : await pipeline.OpenAsync(form.Id, ct);
        if (edit is null)
        {
            return new PublishOutcome.NotFound();
        }
        var article = edit.Article;
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
        var zone = await ZoneAsync(ct);
        var previousSlug = article.Slug;
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
        var coalesced = await OwnLatestAutosaveAsync(article, kind, by, ct);
        // The revision is made once the body is rendered, so it keeps the excerpt the article got.
        void AddRevision(Article saved)
        {
            var revision = ArticleRevision.Of(saved, kind, coalesced?.Note ?? revisionNote, by.UserId, by.Name, now);
            if (coalesced is null)
            {
                db.ArticleRevisions.Add(revision);
                return;
            }
            revision.Id = coalesced.Id;
            db.Entry(coalesced).CurrentValues.SetValues(revision);
        }
        // Typing into a draft is saved as it is; its handlers run on the next explicit save.
        var draftOnly = kind == RevisionKind.Autosave && edit.ShownBefore.Count == 0
            && article.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled);
        try
        {
            var refused = draftOnly
                ? await pipeline.SaveDraftAsync(edit, ct, AddRevision)
                : await pipeline.SaveAsync(edit, origin, ct, AddRevision);
            if (refused.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new PublishOutcome.Rejected(refused);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stays, the person sees both.
            db.ChangeTracker.Clear();
            return await pipeline.OpenAsync(form.Id, ct) is { } current ? new PublishOutcome.Conflict(current.Article) : new PublishOutcome.NotFound();
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
        var article = await db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (revision is null || article is null)
        {
            return new PublishOutcome.NotFound();
        }
        var form = ArticleForm.From(article);
        (form.Headline, form.Dek, form.Body, form.Excerpt) = (revision.Headline, revision.Dek, revision.BodySource, revision.Excerpt);
        db.ChangeTracker.Clear();
        var number = await db.ArticleRevisions.CountAsync(r => r.ArticleId == articleId && r.Id <= revisionId, ct);
        return await SaveAsync(user, form, EditorAction.Save, ct, RevisionKind.Restore,
            $"Restored revision {number} ({revision.UserName}, {Display.DateAndTime(revision.CreatedAt, await ZoneAsync(ct))})");
    }

    public async Task<PublishOutcome> DeleteAsync(ClaimsPrincipal user, int articleId, CancellationToken ct, ArticleWriteOrigin origin = ArticleWriteOrigin.Newsroom)
    {
        var edit = await pipeline.OpenAsync(articleId, ct);
        if (edit is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, edit.Article, ArticleOperations.Delete))
        {
            return new PublishOutcome.Forbidden();
        }
        await pipeline.DeleteAsync(edit, origin, ct);
        return new PublishOutcome.Done(edit.Article);
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => (await site.GetAsync(ct)).Settings.TimeZone;

    private async Task<bool> MayAsync(ClaimsPrincipal user, Article article, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, article, operation)).Succeeded;

    /// <summary>A new article; one from the WordPress API has an HTML body, as WordPress clients send it.</summary>
    private async Task<ArticleEdit> NewArticleAsync(StaffMember by, ArticleWriteOrigin origin, CancellationToken ct)
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
        var article = new Article
        {
            Slug = "",
            Headline = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = by.UserId,
            BodyFormat = origin == ArticleWriteOrigin.Api ? BodyFormat.Html : BodyFormat.Markdown,
            CommentStatus = settings.CommentsOpenByDefault ? CommentStatus.Open : CommentStatus.Closed,
        };
        return pipeline.Create(article);
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

    /// <summary>
    /// Keystroke-paced autosaves by one person fold into one revision rather than hundreds: the
    /// person's autosave that is still the latest revision, which this one then replaces.
    /// </summary>
    private async Task<ArticleRevision?> OwnLatestAutosaveAsync(Article article, RevisionKind kind, StaffMember by, CancellationToken ct)
    {
        if (kind != RevisionKind.Autosave || article.Id == 0)
        {
            return null;
        }
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return latest is { Kind: RevisionKind.Autosave } && latest.UserId == by.UserId ? latest : null;
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