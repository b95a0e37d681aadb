using Herald.Articles;
using Herald.Discovery.Related;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Bench.Discovery;

/// <summary>
/// The corpus generator inserts articles without running ArticleIndexer (that would take an
/// hour at 100,000). This fills the related-article term index in two streamed passes instead
/// (document frequencies, then each article's top terms) with the same TermCounter and the
/// same TF-IDF formula, so per-publish timings afterwards meet a realistic index.
/// </summary>
internal static class RelatedBackfill
{
    public static async Task RunAsync(Func<HeraldDbContext> open, CancellationToken ct)
    {
        var markdown = new MarkdownRenderer();
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        await using (var db = open())
        {
            await foreach (var a in Rows(db).WithCancellation(ct))
            {
                foreach (var term in TermCounter.Count(a.Headline, a.Dek, markdown.ToPlainText(a.BodySource)).Keys)
                {
                    frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
                }
                documents++;
            }
            db.TermFrequencies.AddRange(frequencies.Select(f => new TermFrequency { Term = f.Key, DocumentCount = f.Value }));
            db.TermFrequencies.Add(new TermFrequency { Term = TermFrequency.ArticleCountKey, DocumentCount = documents });
            await db.SaveChangesAsync(ct);
        }

        await using var reader = open();
        var batch = new List<(int Id, Dictionary<string, int> Counts)>();
        await foreach (var a in Rows(reader).WithCancellation(ct))
        {
            batch.Add((a.Id, TermCounter.Count(a.Headline, a.Dek, markdown.ToPlainText(a.BodySource))));
            if (batch.Count == 1000)
            {
                await SaveAsync(open, batch, frequencies, documents, ct);
                batch.Clear();
            }
        }
        await SaveAsync(open, batch, frequencies, documents, ct);
    }

    private static IAsyncEnumerable<Row> Rows(HeraldDbContext db) => db.Articles.AsNoTracking()
        .Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id)
        .Select(a => new Row(a.Id, a.Headline, a.Dek, a.BodySource)).AsAsyncEnumerable();

    private static async Task SaveAsync(Func<HeraldDbContext> open, List<(int Id, Dictionary<string, int> Counts)> batch,
        Dictionary<string, int> frequencies, int documents, CancellationToken ct)
    {
        await using var db = open();
        foreach (var (id, counts) in batch)
        {
            var top = counts
                .Select(c => (Term: c.Key, Weight: (1 + Math.Log(c.Value)) * Math.Log((documents + 1.0) / frequencies[c.Key])))
                .Where(t => t.Weight > 0)
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(ArticleIndexer.TermsPerArticle).ToList();
            var length = Math.Sqrt(top.Sum(t => t.Weight * t.Weight));
            db.ArticleTerms.AddRange(top.Select(t => new ArticleTerm { ArticleId = id, Term = t.Term, Weight = t.Weight / length }));
            db.IndexedArticles.Add(new IndexedArticle { ArticleId = id, Terms = string.Join(' ', counts.Keys), IndexedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record Row(int Id, string Headline, string? Dek, string BodySource);
}