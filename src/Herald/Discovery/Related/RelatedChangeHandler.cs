using Herald.Articles.Writing;
using Herald.Hosting;

namespace Herald.Discovery.Related;

/// <summary>
/// Keeps related articles following every write, inside the writer's transaction: a published
/// article is indexed and scored, any other taken out of every related list. The pages whose
/// "Related Articles" block changed are evicted after the commit. (Search needs no handler: the
/// database's triggers or generated column keep it.)
/// </summary>
public sealed class RelatedChangeHandler(ArticleIndexer indexer) : IArticleChangeHandler
{
    public async Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct)
    {
        if (change.AnalysisDeferred)
        {
            return;
        }
        var touched = change.Kind == ArticleChangeKind.Deleted
            ? await indexer.RemoveAsync(change.Article.Id, ct)
            : await indexer.IndexAsync(change.Article, change.PlainText, ct);
        foreach (var id in touched)
        {
            change.AlsoEvict.Add(CacheTags.Article(id));
        }
    }
}