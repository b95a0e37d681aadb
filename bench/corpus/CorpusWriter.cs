using System.Diagnostics;

using Herald.Articles;
using Herald.Storage;

namespace Herald.Bench.Corpus;

public sealed record CorpusTimings(TimeSpan Generating, TimeSpan Saving);

/// <summary>
/// Inserts articles in batches: one transaction each, and a cleared change tracker between
/// them so that memory and EF's bookkeeping stay flat however large the corpus. The next batch
/// is generated and rendered on another thread while the current one is saved.
/// </summary>
internal sealed class CorpusWriter(HeraldDbContext db, ArticleBody body, Newsroom newsroom, int batchSize)
{
    private long generatingTicks;
    private long savingTicks;

    public async Task<CorpusTimings> WriteAsync(ArticleFactory factory, int total, CancellationToken ct)
    {
        var next = Task.Run(() => Prepare(factory, 0, total), ct);
        for (var done = 0; done < total;)
        {
            var batch = await next;
            done += batch.Count;
            if (done < total)
            {
                var from = done;
                next = Task.Run(() => Prepare(factory, from, total), ct);
            }
            await SaveAsync(batch, ct);
            if (done % 2000 == 0 || done == total)
            {
                Console.Error.WriteLine($"  {done}/{total}");
            }
        }
        return new CorpusTimings(Stopwatch.GetElapsedTime(0, generatingTicks), Stopwatch.GetElapsedTime(0, savingTicks));
    }

    private List<Article> Prepare(ArticleFactory factory, int from, int total)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = Enumerable.Range(from, Math.Min(batchSize, total - from)).Select(factory.Create).ToList();
        foreach (var article in batch)
        {
            // The pipeline's own render step: sanitized HTML, excerpt and word count as the newsroom stores them.
            body.RenderInto(article);
        }
        generatingTicks += Stopwatch.GetTimestamp() - started;
        return batch;
    }

    private async Task SaveAsync(List<Article> batch, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Sections and tags already exist: attached as unchanged, only the links are inserted.
            db.AttachRange(newsroom.Categories);
            db.AttachRange(newsroom.Tags);
            db.Articles.AddRange(batch);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        newsroom.ForgetArticles();
        savingTicks += Stopwatch.GetTimestamp() - started;
    }
}