namespace Herald.Articles;

public enum ArticleChangeKind
{
    Saved,
    Published,
    Unpublished,
    Deleted,
}

/// <summary>
/// What just happened to an article. <see cref="PreviousCacheTags"/> names the pages that showed
/// the article before the change (empty when it was not public), so a handler that keeps its own
/// copy of public data (a search index, say) knows what the reader saw until now.
/// </summary>
public sealed record ArticleChange(Article Article, ArticleChangeKind Kind, IReadOnlyCollection<string> PreviousCacheTags)
{
    /// <summary>
    /// Further cache tags a handler's own data appears under (a person's page, say); evicted with
    /// the article's after the commit, never before, so no reader caches the old state again.
    /// </summary>
    public HashSet<string> AlsoEvict { get; } = [];
}

/// <summary>
/// A feature that must follow every write to an article (search indexing, analysis). All
/// registered handlers run inside the writer's database transaction, before it commits: a
/// handler that throws rolls the whole write back, so the article and what the handler keeps
/// never disagree. Cache eviction is not a handler; it runs after the commit.
/// </summary>
public interface IArticleChangeHandler
{
    Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct);
}