using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Related;

/// <summary>What an editor sees for one candidate: the score, the reasons and any decision taken.</summary>
public sealed record RelatedExplanation(int ArticleId, string Headline, double? Score, string Reasons, string Decision);

/// <summary>
/// What the article page shows under a story: the related articles Herald can explain, then, when
/// there are too few of them, the newest stories of the same section (or of the whole site when
/// the section has too few), under a heading that says so.
/// </summary>
public sealed record RelatedBlock(IReadOnlyList<ArticleSummary> Related, IReadOnlyList<ArticleSummary> Latest, Category? LatestSection);

/// <summary>
/// Reads related articles for the article page and lets editors explain, pin and exclude them.
/// Pinned articles come first; excluded ones never show; the rest follow by score.
/// </summary>
public sealed class RelatedArticlesService(HeraldDbContext db, ArticleQueries articles, SiteWriter writer, TimeProvider clock)
{
    public const int Shown = 5;

    /// <summary>Stories under every article, so a reader always has somewhere to go next.</summary>
    public const int AtLeast = 3;

    /// <summary>
    /// The related articles, topped up to <see cref="AtLeast"/> with the newest stories of the
    /// article's section (its primary category), then of the site; a story an editor excluded never appears.
    /// </summary>
    public async Task<RelatedBlock> ForPageAsync(int articleId, Category? section, CancellationToken ct)
    {
        var related = await ForArticleAsync(articleId, ct);
        if (related.Count >= AtLeast)
        {
            return new RelatedBlock(related, [], null);
        }
        var shown = related.Select(a => a.Id).Append(articleId).ToList();
        var excluded = db.RelatedOverrides.Where(o => o.ArticleId == articleId && !o.Pinned).Select(o => o.RelatedArticleId);
        var candidates = articles.Published().Where(a => a.Password == null && !shown.Contains(a.Id) && !excluded.Contains(a.Id));
        var needed = AtLeast - related.Count;

        var latest = section is null ? [] : await Newest(candidates.Where(a => a.PrimaryCategoryId == section.Id), needed, ct);
        if (latest.Count < needed)
        {
            var taken = latest.Select(a => a.Id).ToList();
            latest = [.. latest, .. await Newest(candidates.Where(a => !taken.Contains(a.Id)), needed - latest.Count, ct)];
            section = null;
        }
        return new RelatedBlock(related, latest, section);
    }

    private async Task<List<ArticleSummary>> Newest(IQueryable<Article> candidates, int count, CancellationToken ct) =>
        await candidates.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count)
            .Select(ArticleQueries.ToSummary).SplitOnSqlite(db).ToListAsync(ct);

    public async Task<IReadOnlyList<ArticleSummary>> ForArticleAsync(int articleId, CancellationToken ct)
    {
        var decisions = db.RelatedOverrides.Where(o => o.ArticleId == articleId);
        var ranked = await db.RelatedArticles.Where(r => r.ArticleId == articleId)
            .Where(r => !decisions.Any(d => d.RelatedArticleId == r.RelatedArticleId && !d.Pinned))
            .Select(r => new { Id = r.RelatedArticleId, r.Score, Pinned = false, At = DateTime.MinValue })
            .Concat(decisions.Where(d => d.Pinned).Select(d => new { Id = d.RelatedArticleId, Score = 0.0, Pinned = true, At = d.DecidedAt }))
            .ToListAsync(ct);
        var order = ranked.OrderByDescending(r => r.Pinned).ThenBy(r => r.At).ThenByDescending(r => r.Score)
            .Select(r => r.Id).Distinct().Take(Shown * 2).ToList();
        // Read-time too: a story given a password after the index was built drops out at once.
        var cards = await articles.Published().Where(a => a.Password == null && order.Contains(a.Id))
            .Select(ArticleQueries.ToSummary).SplitOnSqlite(db).ToDictionaryAsync(a => a.Id, ct);
        return order.Where(cards.ContainsKey).Select(id => cards[id]).Take(Shown).ToList();
    }

    /// <summary>Every computed or decided candidate of an article, with why, for the newsroom.</summary>
    public async Task<IReadOnlyList<RelatedExplanation>?> ExplainAsync(int articleId, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct))
        {
            return null;
        }
        var computed = await db.RelatedArticles.AsNoTracking().Where(r => r.ArticleId == articleId).ToListAsync(ct);
        var decisions = await db.RelatedOverrides.AsNoTracking().Where(o => o.ArticleId == articleId).ToDictionaryAsync(o => o.RelatedArticleId, ct);
        var ids = computed.Select(c => c.RelatedArticleId).Union(decisions.Keys).ToList();
        var headlines = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Headline, ct);
        return ids.Where(headlines.ContainsKey).Select(id =>
        {
            var row = computed.FirstOrDefault(c => c.RelatedArticleId == id);
            var decision = decisions.TryGetValue(id, out var d) ? (d.Pinned ? "pinned" : "excluded") : "computed";
            return new RelatedExplanation(id, headlines[id], row?.Score, row?.Reasons ?? "", decision);
        }).OrderBy(e => e.Decision == "pinned" ? 0 : e.Decision == "computed" ? 1 : 2).ThenByDescending(e => e.Score).ToList();
    }

    /// <summary>Pins, excludes or clears (decision null) one related article; false when either article does not exist.</summary>
    public async Task<bool> DecideAsync(int articleId, int relatedArticleId, bool? pinned, CancellationToken ct)
    {
        if (articleId == relatedArticleId || await db.Articles.CountAsync(a => a.Id == articleId || a.Id == relatedArticleId, ct) != 2)
        {
            return false;
        }
        var existing = await db.RelatedOverrides.FirstOrDefaultAsync(o => o.ArticleId == articleId && o.RelatedArticleId == relatedArticleId, ct);
        if (pinned is null)
        {
            if (existing is not null)
            {
                db.RelatedOverrides.Remove(existing);
            }
        }
        else
        {
            existing ??= db.RelatedOverrides.Add(new RelatedOverride { ArticleId = articleId, RelatedArticleId = relatedArticleId }).Entity;
            existing.Pinned = pinned.Value;
            existing.DecidedAt = clock.GetUtcNow().UtcDateTime;
        }
        await writer.SaveChangesAsync([CacheTags.Article(articleId)], ct);
        return true;
    }
}