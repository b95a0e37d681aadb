using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>
/// The second phase of an import: the change handlers' work the first phase deferred
/// (understanding, related index), done once the rows are in, oldest story first as demo seeding
/// does, in committed batches through <see cref="ArticlePipeline.ReanalyseAsync"/>. A story counts
/// as done when it is in the related index, so a run stopped here picks up where it left off.
/// </summary>
public sealed class ImportAnalysis(IServiceScopeFactory scopes)
{
    public const int BatchSize = 100;

    private static readonly ArticleBatch Batch = new(ArticleWriteOrigin.Import);

    public async Task<int> RunAsync(string source, ImportProgress progress, InvalidationSet evictLater, CancellationToken ct)
    {
        int total;
        await using (var scope = scopes.CreateAsyncScope())
        {
            total = await Pending(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), source).CountAsync(ct);
        }
        var done = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<HeraldDbContext>();
            var ids = await Pending(db, source).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            var pipeline = services.GetRequiredService<ArticlePipeline>();
            await services.GetRequiredService<SiteWriter>().CommitAsync((tags, token) => pipeline.ReanalyseAsync(ids, Batch, tags, token), ct, evictLater);
            done += ids.Count;
            progress.Report("analysis", done, total);
        }
        progress.Report("analysis", done, total, force: true);
        return done;
    }

    /// <summary>Published stories of this import not yet in the related index.</summary>
    private static IQueryable<Article> Pending(HeraldDbContext db, string source)
    {
        var imported = db.ImportedItems.Where(i => i.Source == source && i.Kind == ImportKeys.Post).Select(i => i.HeraldId);
        return db.Articles.Where(a => imported.Contains(a.Id) && a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story
            && !db.IndexedArticles.Any(x => x.ArticleId == a.Id));
    }
}