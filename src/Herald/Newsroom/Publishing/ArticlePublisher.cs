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
    /// <param name="confirmed">The person confirmed a step that takes a story off the site (unpublishing a published one).</param>
    public async Task<PublishOutcome> SaveAsync(ClaimsPrincipal user, ArticleForm form, EditorAction action,
        CancellationToken ct, RevisionKind kind = RevisionKind.Save, string? note = null, bool confirmed = false,
        ArticleWriteOrigin origin = ArticleWriteOrigin.Newsroom)
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
        if (article.Status == ArticleStatus.Trashed)
        {
            return new PublishOutcome.Rejected(["This story is in the trash. Restore it from the Trash page before changing it; your text is still here."]);
        }
        if (article.Id != 0 && await EditedByOthersSinceAsync(article, form.Version, by, ct))
        {
            return new PublishOutcome.Conflict(article);
        }
        if (action == EditorAction.Unpublish && article.Status == ArticleStatus.Published && !confirmed)
        {
            return new PublishOutcome.NeedsConfirmation(article);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await ZoneAsync(ct);
        var previousSlug = article.Slug;
        var problems = await applier.ApplyAsync(article, form, by, await MayAsync(user, article, ArticleOperations.ChooseAuthors), ct);
        if (ArticleAuthorizationHandler.IsEditor(user))
        {
            // What readers see first is an editor's call, as in WordPress; anyone else's save keeps it as it was.
            article.IsSticky = form.IsSticky;
        }
        if (await MayAsync(user, article, ArticleOperations.Publish))
        {
            // Who may put a story before readers decides who may read it; kept exactly as typed (spaces count, as in WordPress).
            // Standing pages have no password form, so only stories take one.
            article.Password = string.IsNullOrWhiteSpace(form.Password) || article.Kind != ArticleKind.Story ? null : form.Password;
        }
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

    /// <summary>
    /// Brings back an older revision. A story readers can see (or that is scheduled) is not changed:
    /// the revision becomes its pending draft (<see cref="RevisionKind.Pending"/>), shown beside the
    /// live text until it is published with <see cref="PublishDraftAsync"/> or discarded. Any other
    /// story takes the words at once, as a new revision.
    /// </summary>
    public async Task<PublishOutcome> RestoreAsync(ClaimsPrincipal user, int articleId, int revisionId, CancellationToken ct)
    {
        var revision = await db.ArticleRevisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId && r.Kind != RevisionKind.Pending, ct);
        var article = await db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (revision is null || article is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Edit))
        {
            return new PublishOutcome.Forbidden();
        }
        var number = await db.ArticleRevisions.CountAsync(r => r.ArticleId == articleId && r.Id <= revisionId && r.Kind != RevisionKind.Pending, ct);
        var description = $"revision {number} ({revision.UserName}, {Display.DateAndTime(revision.CreatedAt, await ZoneAsync(ct))})";
        if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            var by = await StaffMember.ResolveAsync(db, user, ct);
            // One draft waits per story: a newer restore replaces the one before.
            db.ArticleRevisions.RemoveRange(await db.ArticleRevisions.Where(r => r.ArticleId == articleId && r.Kind == RevisionKind.Pending).ToListAsync(ct));
            var draft = new ArticleRevision
            {
                ArticleId = articleId,
                ArticleVersion = article.Version,
                Kind = RevisionKind.Pending,
                Note = $"Draft from {description}",
                Headline = revision.Headline,
                Dek = revision.Dek,
                Slug = article.Slug,
                BodySource = revision.BodySource,
                Excerpt = revision.Excerpt,
                UserId = by.UserId,
                UserName = by.Name,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ArticleRevisions.Add(draft);
            await db.SaveChangesAsync(ct);
            return new PublishOutcome.Drafted(article, draft.Id);
        }
        var form = ArticleForm.From(article);
        (form.Headline, form.Dek, form.Body, form.Excerpt) = (revision.Headline, revision.Dek, revision.BodySource, revision.Excerpt);
        db.ChangeTracker.Clear();
        return await SaveAsync(user, form, EditorAction.Save, ct, RevisionKind.Restore, $"Restored {description}");
    }

    /// <summary>
    /// Replaces a live story's words with its pending draft: a confirmed step, checked against the
    /// version of the story the person had in view (<paramref name="seenVersion"/>), so a change made
    /// meanwhile is a conflict rather than overwritten. The draft is gone once published.
    /// </summary>
    public async Task<PublishOutcome> PublishDraftAsync(ClaimsPrincipal user, int articleId, int seenVersion, bool confirmed, CancellationToken ct)
    {
        var draft = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Kind == RevisionKind.Pending, ct);
        var article = await db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (draft is null || article is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Edit) || !await MayAsync(user, article, ArticleOperations.Publish))
        {
            return new PublishOutcome.Forbidden();
        }
        if (!confirmed)
        {
            return new PublishOutcome.NeedsConfirmation(article);
        }
        var form = ArticleForm.From(article);
        (form.Headline, form.Dek, form.Body, form.Excerpt) = (draft.Headline, draft.Dek, draft.BodySource, draft.Excerpt);
        form.Version = seenVersion;
        db.ChangeTracker.Clear();
        var outcome = await SaveAsync(user, form, EditorAction.Save, ct, RevisionKind.Restore, $"Published the {char.ToLowerInvariant(draft.Note[0])}{draft.Note[1..]}");
        if (outcome is PublishOutcome.Done)
        {
            await db.ArticleRevisions.Where(r => r.Id == draft.Id).ExecuteDeleteAsync(ct);
        }
        return outcome;
    }

    /// <summary>Drops a live story's pending draft; the story is as it was.</summary>
    public async Task<PublishOutcome> DiscardDraftAsync(ClaimsPrincipal user, int articleId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().WithByline().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
        {
            return new PublishOutcome.NotFound();
        }
        if (!await MayAsync(user, article, ArticleOperations.Edit))
        {
            return new PublishOutcome.Forbidden();
        }
        var removed = await db.ArticleRevisions.Where(r => r.ArticleId == articleId && r.Kind == RevisionKind.Pending).ExecuteDeleteAsync(ct);
        return removed > 0 ? new PublishOutcome.Done(article) : new PublishOutcome.NotFound();
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
                && r.Kind != RevisionKind.Pending && r.UserId != null && r.UserId != by.UserId, ct);

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
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id && r.Kind != RevisionKind.Pending)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
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