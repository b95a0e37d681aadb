using Herald.Articles;
using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Related;

/// <summary>
/// What publishing calls after an article is published, edited or unpublished. Full-text search
/// needs nothing here (the database keeps it); this keeps the related-article index: the
/// article's distinctive terms, the document frequencies and its related list. Its writes use
/// the caller's DbContext, so inside the caller's transaction they commit or roll back with the
/// article. Cost per call is bounded by the article's own size, not by the archive's.
/// </summary>
public sealed class ArticleIndexer(HeraldDbContext db, ArticleBody body, RelatedCandidates candidates,
    TimeProvider clock)
{
    /// <summary>Top terms kept per article in the inverted index.</summary>
    public const int TermsPerArticle = 24;

    /// <summary>Computed related articles stored per article: more than shown, so exclusions still leave five.</summary>
    public const int StoredRelated = 8;

    /// <summary>An article named in very many lists has only its strongest ones rescored on edit: a bounded cost.</summary>
    private const int MaxListsRescored = 100;

    /// <summary>
    /// Indexes a published article (or removes one that is not) and returns the ids of the other
    /// articles whose "Related Articles" block changed, for the caller to evict once it commits.
    /// </summary>
    public Task<IReadOnlyCollection<int>> IndexAsync(Article article, CancellationToken ct = default) =>
        IndexAsync(article, body.PlainText(article), ct);

    /// <summary><see cref="IndexAsync(Article, CancellationToken)"/> with the body's text, when the caller has it already.</summary>
    public async Task<IReadOnlyCollection<int>> IndexAsync(Article article, string plainText, CancellationToken ct = default)
    {
        if (article.Status != ArticleStatus.Published || article.PublishedAt is null)
        {
            return await RemoveAsync(article.Id, ct);
        }
        var counts = TermCounter.Count(article.Headline, article.Dek, plainText);
        var previous = await db.IndexedArticles.FirstOrDefaultAsync(i => i.ArticleId == article.Id, ct);
        // An article's terms are written only with its index row and removed with it: one never indexed
        // has none to delete (an import's analysis indexes only such). Related rows may name it before
        // it is indexed (it was a candidate of a tag or a person), so those are always looked at.
        var firstTime = previous is null;
        var before = previous is null ? [] : previous.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var deltas = counts.Keys.Where(t => !before.Contains(t)).ToDictionary(t => t, _ => 1);
        foreach (var gone in before.Where(t => !counts.ContainsKey(t)))
        {
            deltas[gone] = -1;
        }
        if (previous is null)
        {
            deltas[TermFrequency.ArticleCountKey] = 1;
            previous = new IndexedArticle { ArticleId = article.Id };
            db.IndexedArticles.Add(previous);
        }
        previous.Terms = string.Join(' ', counts.Keys);
        previous.IndexedAt = clock.GetUtcNow().UtcDateTime;
        await TermStatistics.ApplyAsync(db, deltas, ct);

        var vector = await WeighAsync(counts, ct);
        if (!firstTime)
        {
            await db.ArticleTerms.Where(t => t.ArticleId == article.Id).ExecuteDeleteAsync(ct);
            ForgetTracked(article.Id);
        }
        // Written now, not with the save below: the candidate search leaves the article's own terms out anyway.
        await db.InsertRowsAsync(vector.Select(v => new ArticleTerm { ArticleId = article.Id, Term = v.Key, Weight = v.Value }).ToList(), ct);

        var tagIds = await db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Tags.Select(t => t.Id)).ToListAsync(ct);
        var scored = await candidates.FindAsync(article.Id, article.PublishedAt.Value, article.PrimaryCategoryId, tagIds, vector, ct);
        var best = scored.Take(StoredRelated).ToList();
        await db.RelatedArticles.Where(r => r.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        ForgetTracked(article.Id);
        // Written now: what follows reads and changes other articles' lists, never this one's.
        await db.InsertRowsAsync(best.Select(c => new RelatedArticle
        {
            ArticleId = article.Id,
            RelatedArticleId = c.ArticleId,
            Score = c.Score,
            Reasons = c.Reasons,
        }).ToList(), ct);
        var touched = await OfferToOthersAsync(article.Id, best.Take(5).ToList(), ct);
        touched.AddRange(await RescoreInOthersAsync(article.Id, scored, ct));
        await db.SaveChangesAsync(ct);
        LetGoOfSaved();
        return touched.Distinct().ToList();
    }

    /// <summary>Takes an unpublished or deleted article out of the index and out of every related list.</summary>
    public async Task<IReadOnlyCollection<int>> RemoveAsync(int articleId, CancellationToken ct = default)
    {
        var previous = await db.IndexedArticles.FirstOrDefaultAsync(i => i.ArticleId == articleId, ct);
        if (previous is not null)
        {
            var deltas = previous.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(t => t, _ => -1);
            deltas[TermFrequency.ArticleCountKey] = -1;
            await TermStatistics.ApplyAsync(db, deltas, ct);
            db.IndexedArticles.Remove(previous);
        }
        var pointingHere = await db.RelatedArticles.Where(r => r.RelatedArticleId == articleId).Select(r => r.ArticleId).ToListAsync(ct);
        await db.ArticleTerms.Where(t => t.ArticleId == articleId).ExecuteDeleteAsync(ct);
        await db.RelatedArticles.Where(r => r.ArticleId == articleId || r.RelatedArticleId == articleId).ExecuteDeleteAsync(ct);
        ForgetTracked(articleId);
        await db.SaveChangesAsync(ct);
        return pointingHere;
    }

    /// <summary>
    /// Bulk deletes bypass the change tracker; rows this context loaded or added earlier (demo
    /// seeding indexes many articles in one context) must be forgotten so they are not re-added.
    /// </summary>
    private void ForgetTracked(int articleId)
    {
        foreach (var entry in db.TrackedEntries<RelatedArticle>()
                     .Where(e => e.State != EntityState.Added && (e.Entity.ArticleId == articleId || e.Entity.RelatedArticleId == articleId)).ToList())
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleTerm>()
                     .Where(e => e.State != EntityState.Added && e.Entity.ArticleId == articleId).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Stops tracking the index rows just saved: the next indexing reads what it needs again, and
    /// a context that indexes many articles in a row (an import's analysis, demo seeding) would
    /// otherwise compare thousands of them with their snapshots on every later save.
    /// </summary>
    private void LetGoOfSaved()
    {
        foreach (var entry in db.TrackedEntries<RelatedArticle>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleTerm>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<IndexedArticle>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>TF-IDF of the article's terms, the top ones kept and normalised to unit length.</summary>
    private async Task<Dictionary<string, double>> WeighAsync(Dictionary<string, int> counts, CancellationToken ct)
    {
        var frequencies = await TermStatistics.ReadAsync(db, counts.Keys, ct);
        var documents = Math.Max(1, frequencies.GetValueOrDefault(TermFrequency.ArticleCountKey));
        var top = counts
            .Select(c => (Term: c.Key, Weight: (1 + Math.Log(c.Value)) * Math.Log((documents + 1.0) / frequencies.GetValueOrDefault(c.Key, 1))))
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(TermsPerArticle)
            .ToList();
        var length = Math.Sqrt(top.Sum(t => t.Weight * t.Weight));
        return top.ToDictionary(t => t.Term, t => length > 0 ? t.Weight / length : 0, StringComparer.Ordinal);
    }

    /// <summary>
    /// After an edit, the lists that already name this article still hold the score its old text
    /// earned. Each takes the new score where the article is still a candidate, and drops it
    /// where the new text no longer relates the two; the owner's next indexing fills the gap.
    /// </summary>
    private async Task<List<int>> RescoreInOthersAsync(int articleId, List<ScoredCandidate> scored, CancellationToken ct)
    {
        var now = scored.ToDictionary(c => c.ArticleId);
        var naming = await db.RelatedArticles.Where(r => r.RelatedArticleId == articleId)
            .OrderByDescending(r => r.Score).Take(MaxListsRescored).ToListAsync(ct);
        var touched = new List<int>();
        foreach (var entry in naming)
        {
            if (now.TryGetValue(entry.ArticleId, out var candidate))
            {
                if (Math.Abs(entry.Score - candidate.Score) < 1e-9 && entry.Reasons == candidate.Reasons)
                {
                    continue;
                }
                (entry.Score, entry.Reasons) = (candidate.Score, candidate.Reasons);
            }
            else
            {
                db.RelatedArticles.Remove(entry);
            }
            touched.Add(entry.ArticleId);
        }
        return touched;
    }

    /// <summary>
    /// The score is symmetric, so a new article that suits an older one's list is added to it too
    /// (only for its own top five): older stories point to newer ones without recomputing them.
    /// </summary>
    private async Task<List<int>> OfferToOthersAsync(int articleId, List<ScoredCandidate> best, CancellationToken ct)
    {
        var ids = best.Select(b => b.ArticleId).ToList();
        var lists = (await db.RelatedArticles.Where(r => ids.Contains(r.ArticleId)).ToListAsync(ct)).ToLookup(r => r.ArticleId);
        var touched = new List<int>();
        foreach (var candidate in best)
        {
            var list = lists[candidate.ArticleId].ToList();
            var existing = list.FirstOrDefault(r => r.RelatedArticleId == articleId);
            if (existing is not null)
            {
                (existing.Score, existing.Reasons) = (candidate.Score, candidate.Reasons);
            }
            else if (list.Count < StoredRelated || list.Min(r => r.Score) < candidate.Score)
            {
                if (list.Count >= StoredRelated)
                {
                    db.RelatedArticles.Remove(list.MinBy(r => r.Score)!);
                }
                db.RelatedArticles.Add(new RelatedArticle
                {
                    ArticleId = candidate.ArticleId,
                    RelatedArticleId = articleId,
                    Score = candidate.Score,
                    Reasons = candidate.Reasons,
                });
            }
            else
            {
                continue;
            }
            touched.Add(candidate.ArticleId);
        }
        return touched;
    }
}