using System.Collections.Concurrent;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles.Writing;

/// <summary>
/// What a test server's writes did, seen from inside: every change a test-only handler was handed
/// and every eviction, each eviction with the article status a fresh connection read at that
/// moment (what had been committed).
/// </summary>
public sealed class WriteRecorder
{
    public sealed record Change(ArticleWriteOrigin Origin, ArticleChangeKind Kind, int ArticleId, bool AnalysisDeferred);

    public sealed record Eviction(IReadOnlyCollection<string> Tags, ArticleStatus? CommittedStatus);

    public ConcurrentQueue<Change> Changes { get; } = new();

    /// <summary>Each write's changes as the handler's batch call received them: origin and the article ids, in order.</summary>
    public ConcurrentQueue<(ArticleWriteOrigin Origin, IReadOnlyList<int> ArticleIds)> Batches { get; } = new();

    public ConcurrentQueue<Eviction> Evictions { get; } = new();

    /// <summary>The article whose committed status each eviction notes; 0 notes nothing.</summary>
    public int WatchedArticle { get; set; }

    public static void Register(IServiceCollection services, WriteRecorder recorder)
    {
        services.AddSingleton(recorder);
        services.AddScoped<IArticleChangeHandler, RecordingHandler>();
        services.AddSingleton<IInvalidationListener, RecordingListener>();
    }

    public IReadOnlyList<Change> ChangesOf(int articleId) => Changes.Where(c => c.ArticleId == articleId).ToList();

    public IReadOnlyList<Eviction> EvictionsOf(int articleId) => Evictions.Where(e => e.Tags.Contains(CacheTags.Article(articleId))).ToList();

    private sealed class RecordingHandler(WriteRecorder recorder) : IArticleChangeHandler
    {
        public Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct)
        {
            recorder.Changes.Enqueue(new Change(change.Origin, change.Kind, change.Article.Id, change.AnalysisDeferred));
            return Task.CompletedTask;
        }

        public Task OnBatchCompletedAsync(IReadOnlyList<ArticleChange> changes, CancellationToken ct)
        {
            recorder.Batches.Enqueue((changes[0].Origin, changes.Select(c => c.Article.Id).ToList()));
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingListener(WriteRecorder recorder, IServiceScopeFactory scopes) : IInvalidationListener
    {
        public void OnInvalidated(IReadOnlyCollection<string> tags)
        {
            ArticleStatus? committed = null;
            if (recorder.WatchedArticle != 0 && tags.Contains(CacheTags.Article(recorder.WatchedArticle)))
            {
                // Another scope, another connection: it sees only what has been committed.
                using var scope = scopes.CreateScope();
                committed = scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles.AsNoTracking()
                    .Where(a => a.Id == recorder.WatchedArticle).Select(a => (ArticleStatus?)a.Status).FirstOrDefault();
            }
            recorder.Evictions.Enqueue(new Eviction([.. tags], committed));
        }
    }
}