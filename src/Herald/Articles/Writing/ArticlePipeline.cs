using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Hosting.Telemetry;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles.Writing;

/// <summary>How a bulk writer's batch goes through the pipeline.</summary>
/// <param name="Origin">Who writes.</param>
/// <param name="AnalysisDeferred">The writer analyses the stories in a pass of its own afterwards (<see cref="ArticleChange.AnalysisDeferred"/>).</param>
/// <param name="AffectsWholeSite">
/// The write changes sections, tags or authors as well as articles (an import): evict everything
/// cached rather than list thousands of tags.
/// </param>
/// <param name="KeepUnrenderable">
/// A body Herald cannot render (<see cref="RenderedBody.Problem"/>) is stored as its own escaped text
/// and the batch goes on (an import reports it through <see cref="ArticleEdit.RenderProblem"/>);
/// otherwise such a body rejects the batch like a broken limit.
/// </param>
public sealed record ArticleBatch(ArticleWriteOrigin Origin, bool AnalysisDeferred = false, bool AffectsWholeSite = false, bool KeepUnrenderable = false);

/// <summary>
/// The one way articles are written, whoever writes them: the newsroom, the scheduler, imports,
/// demo seeding and the API to come. A write is checked against <see cref="ArticleLimits"/>, its
/// body rendered once by the renderer of its format, saved in one transaction with every
/// <see cref="IArticleChangeHandler"/>'s work and a journal row naming the cache tags it affects,
/// and those tags are evicted once, after the commit (<see cref="SiteWriter"/>).
/// </summary>
/// <remarks>
/// Open or create, change, save:
/// <code>
/// var edit = await pipeline.OpenAsync(id, ct);      // tracked, with what readers saw
/// edit.Article.Headline = "...";
/// var problems = await pipeline.SaveAsync(edit, ArticleWriteOrigin.Api, ct);
/// </code>
/// Bulk writers commit many articles per transaction inside their own
/// <see cref="SiteWriter.CommitAsync(Func{InvalidationSet, CancellationToken, Task}, CancellationToken, InvalidationSet?)"/>
/// with <see cref="SaveBatchAsync(IReadOnlyList{ArticleEdit}, ArticleBatch, InvalidationSet, CancellationToken)"/>.
/// </remarks>
public sealed class ArticlePipeline(
    HeraldDbContext db, ArticleBody body, IEnumerable<IArticleChangeHandler> handlers, SiteWriter writer, SiteState site, TimeProvider clock)
{
    /// <summary>An article with everything a write touches, tracked, and the pages that show it now; null when there is none.</summary>
    public async Task<ArticleEdit?> OpenAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.WithWrittenParts().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
        }
        var shown = CacheTags.ShowingNow(article, await ZoneAsync(ct), clock.GetUtcNow().UtcDateTime);
        return new ArticleEdit(article, article.Status, shown);
    }

    /// <summary>A new article, added to the context; nothing is written until it is saved.</summary>
    public ArticleEdit Create(Article article)
    {
        db.Articles.Add(article);
        return new ArticleEdit(article, null, []);
    }

    /// <summary>
    /// Saves one article as one write. Returns the problems when it breaks a limit or its body cannot
    /// be rendered (nothing is saved then; the caller keeps what was typed). <paramref name="alongside"/> adds rows that belong to the same write (a revision, say);
    /// it runs once the body is rendered, inside the transaction.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">Someone else saved the article since it was opened.</exception>
    public async Task<IReadOnlyList<string>> SaveAsync(ArticleEdit edit, ArticleWriteOrigin origin, CancellationToken ct, Action<Article>? alongside = null)
    {
        var problems = await PrepareAsync(edit, ct);
        if (problems.Count > 0)
        {
            return problems;
        }
        await writer.CommitAsync(async (tags, token) =>
        {
            alongside?.Invoke(edit.Article);
            await CommitAsync([edit], new ArticleBatch(origin), tags, token);
        }, ct);
        // Counted once committed, by who published: newsroom, schedule (bulk writers are not counted).
        HeraldMetrics.Published(edit.Kind, origin.ToString().ToLowerInvariant());
        return [];
    }

    /// <summary>
    /// Saves a draft as it is being typed (an autosave): the article and <paramref name="alongside"/>'s
    /// rows, and nothing else — no handlers, no journal, no eviction, as no reader can see it. They
    /// run on the next explicit save. A public article is never saved this way.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveDraftAsync(ArticleEdit edit, CancellationToken ct, Action<Article>? alongside = null)
    {
        if (edit.ShownBefore.Count > 0 || edit.Article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            throw new InvalidOperationException($"Article {edit.Article.Id} is live or scheduled; it is saved with SaveAsync, which runs the handlers.");
        }
        var problems = await PrepareAsync(edit, ct);
        if (problems.Count > 0)
        {
            return problems;
        }
        await writer.CommitAsync((_, _) =>
        {
            alongside?.Invoke(edit.Article);
            return Task.CompletedTask;
        }, ct);
        return [];
    }

    public async Task DeleteAsync(ArticleEdit edit, ArticleWriteOrigin origin, CancellationToken ct)
    {
        db.Articles.Remove(edit.Article);
        await writer.CommitAsync((tags, token) => CommitAsync([edit], new ArticleBatch(origin), tags, token, deleted: true), ct);
    }

    /// <summary>
    /// Publishes a scheduled article whose time has come. Several processes may try at once; the
    /// article's version (its concurrency token) lets exactly one succeed, and only that one runs the
    /// handlers. Returns false when the article is no longer due or another process got there first.
    /// </summary>
    public async Task<bool> PublishDueAsync(int id, DateTime nowUtc, CancellationToken ct, Action<Article>? alongside = null)
    {
        // Read before the transaction: a SQLite transaction that reads and then writes fails when another wrote in between.
        var edit = await OpenAsync(id, ct);
        if (edit?.Article is not { Status: ArticleStatus.Scheduled, PublishedAt: { } at } article || at > nowUtc)
        {
            return false;
        }
        article.Status = ArticleStatus.Published;
        article.Version++;
        article.UpdatedAt = at;
        try
        {
            var problems = await SaveAsync(edit, ArticleWriteOrigin.Schedule, ct, alongside);
            return problems.Count == 0 ? true : throw new ArticleRejectedException(article.Slug, problems);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves many articles inside the caller's <see cref="SiteWriter"/> commit (one transaction per
    /// call), their tags going into <paramref name="tags"/>. An article that breaks a limit throws
    /// <see cref="ArticleRejectedException"/>, rolling the batch back: bulk writers clip to the limits first.
    /// A body that cannot be rendered does too, unless the batch keeps such bodies as text (<see cref="ArticleBatch.KeepUnrenderable"/>).
    /// </summary>
    public async Task SaveBatchAsync(IReadOnlyList<ArticleEdit> edits, ArticleBatch batch, InvalidationSet tags, CancellationToken ct)
    {
        RequireTransaction();
        foreach (var edit in edits)
        {
            if (await PrepareAsync(edit, ct, refuseUnrenderable: !batch.KeepUnrenderable) is { Count: > 0 } problems)
            {
                throw new ArticleRejectedException(edit.Article.Slug, problems);
            }
        }
        await CommitAsync(edits, batch, tags, ct);
    }

    /// <summary>Saves many articles as one write of its own (demo seeding).</summary>
    public Task SaveBatchAsync(IReadOnlyList<ArticleEdit> edits, ArticleBatch batch, CancellationToken ct) =>
        writer.CommitAsync((tags, token) => SaveBatchAsync(edits, batch, tags, token), ct);

    /// <summary>
    /// Hands stored articles, unchanged, to the handlers again as saves — the deferred pass of a bulk
    /// write (an import's analysis) — inside the caller's <see cref="SiteWriter"/> commit. They go in the given order.
    /// </summary>
    public async Task ReanalyseAsync(IReadOnlyList<int> ids, ArticleBatch batch, InvalidationSet tags, CancellationToken ct)
    {
        RequireTransaction();
        // Untracked: a reanalysis changes no article, and every save of the handlers' rows would
        // otherwise compare the whole batch's articles and their parts with their snapshots.
        var loaded = await db.Articles.AsNoTrackingWithIdentityResolution().WithWrittenParts().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var zone = await ZoneAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var edits = ids.Where(loaded.ContainsKey)
            .Select(id => new ArticleEdit(loaded[id], loaded[id].Status, CacheTags.ShowingNow(loaded[id], zone, now)))
            .ToList();
        await CommitAsync(edits, batch with { AnalysisDeferred = false }, tags, ct, recount: false);
    }

    /// <summary>
    /// Gives the article a slug if it has none, renders its body if it changed, and checks the limits;
    /// a body nested beyond what Herald renders is a problem too unless <paramref name="refuseUnrenderable"/> is false.
    /// </summary>
    private async Task<List<string>> PrepareAsync(ArticleEdit edit, CancellationToken ct, bool refuseUnrenderable = true)
    {
        var article = edit.Article;
        if (string.IsNullOrWhiteSpace(article.Slug))
        {
            var id = article.Id;
            article.Slug = await Slugs.UniqueAsync(Slugs.From(article.Headline.Length > 0 ? article.Headline : "untitled"),
                async slug => await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != id, ct));
        }
        if (NeedsRendering(edit))
        {
            edit.Rendered = body.RenderInto(article, edit.RenderHints);
        }
        var problems = ArticleValidator.Problems(article);
        if (refuseUnrenderable && edit.RenderProblem is { } unrenderable)
        {
            problems.Insert(0, unrenderable);
        }
        return problems;
    }

    /// <summary>A body is rendered when it is new or changed, or when something made from it (the excerpt) must be made again.</summary>
    private bool NeedsRendering(ArticleEdit edit)
    {
        var article = edit.Article;
        if (edit.IsNew || edit.RenderHints is not null || string.IsNullOrWhiteSpace(article.Excerpt)
            || (article.BodyHtml.Length == 0 && article.BodySource.Length > 0))
        {
            return true;
        }
        var entry = db.Entry(article);
        return entry.State == EntityState.Added
            || !Equals(entry.Property(a => a.BodySource).OriginalValue, article.BodySource)
            || !Equals(entry.Property(a => a.BodyFormat).OriginalValue, article.BodyFormat);
    }

    /// <summary>Inside the open transaction: save, hand every change to every handler, save again, declare the tags.</summary>
    /// <param name="recount">
    /// Off for a reanalysis, which changes no article: recounting its sections' and tags' stories reads
    /// every story filed under them, work that grows with the archive and here would change nothing.
    /// </param>
    private async Task CommitAsync(IReadOnlyList<ArticleEdit> edits, ArticleBatch batch, InvalidationSet tags, CancellationToken ct,
        bool deleted = false, bool recount = true)
    {
        await db.SaveChangesAsync(ct);
        var changes = edits.Select(edit => new ArticleChange(
            edit.Article, deleted ? ArticleChangeKind.Deleted : edit.Kind, batch.Origin, edit.ShownBefore, batch.AnalysisDeferred,
            () => edit.Rendered?.PlainText ?? body.PlainText(edit.Article), edit.TermsBefore)).ToList();
        foreach (var change in changes)
        {
            foreach (var handler in handlers)
            {
                await handler.OnArticleChangedAsync(change, ct);
            }
        }
        foreach (var handler in handlers)
        {
            await handler.OnBatchCompletedAsync(changes, ct);
        }
        // Not a handler: the stored counts are the articles' own data, and every writer keeps them.
        if (recount)
        {
            await TermCounts.UpdateAsync(db, changes, clock.GetUtcNow().UtcDateTime, ct);
        }
        // Handlers may have changed tracked data of their own.
        await db.SaveChangesAsync(ct);

        if (batch.AffectsWholeSite)
        {
            tags.Add(CacheTags.Site);
            return;
        }
        var zone = await ZoneAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
        {
            tags.AddRange(change.PreviousCacheTags);
            if (!deleted)
            {
                tags.AddRange(CacheTags.ShowingNow(change.Article, zone, now));
            }
            tags.AddRange(change.AlsoEvict);
        }
    }

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A batch is saved inside a SiteWriter commit, which holds its transaction and journal row.");
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => (await site.GetAsync(ct)).Settings.TimeZone;
}