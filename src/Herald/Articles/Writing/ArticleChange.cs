namespace Herald.Articles.Writing;

public enum ArticleChangeKind
{
    Saved,
    Published,
    Unpublished,
    Deleted,
}

/// <summary>Who made a write; handlers may care (an import's analysis runs later), tests do.</summary>
public enum ArticleWriteOrigin
{
    Newsroom,
    Schedule,
    Import,
    Demo,
    Api,
}

/// <summary>
/// What just happened to an article, as <see cref="ArticlePipeline"/> hands it to every
/// <see cref="IArticleChangeHandler"/>. <see cref="PreviousCacheTags"/> names the pages that showed
/// the article before the change (empty when it was not public), so a handler that keeps its own
/// copy of public data knows what the reader saw until now.
/// </summary>
public sealed class ArticleChange(Article article, ArticleChangeKind kind, ArticleWriteOrigin origin,
    IReadOnlyCollection<string> previousCacheTags, bool analysisDeferred, Func<string> plainText, ArticleTerms? termsBefore = null)
{
    private readonly Lazy<string> text = new(plainText);

    public Article Article { get; } = article;

    /// <summary>The sections and tags the article was filed under before the change (none when new).</summary>
    public ArticleTerms TermsBefore { get; } = termsBefore ?? ArticleTerms.None;
    public ArticleChangeKind Kind { get; } = kind;
    public ArticleWriteOrigin Origin { get; } = origin;
    public IReadOnlyCollection<string> PreviousCacheTags { get; } = previousCacheTags;

    /// <summary>
    /// True when the writer does the per-article analysis later, in a pass of its own (an import
    /// writes its stories first and analyses them oldest first afterwards): handlers that analyse
    /// or index leave this change to that pass.
    /// </summary>
    public bool AnalysisDeferred { get; } = analysisDeferred;

    /// <summary>The body's plain text, as this write rendered it (or, when the body did not change, as stored).</summary>
    public string PlainText => text.Value;

    /// <summary>
    /// Further cache tags a handler's own data appears under (a person's page, say); evicted with
    /// the article's after the commit, never before, so no reader caches the old state again.
    /// </summary>
    public HashSet<string> AlsoEvict { get; } = [];
}

/// <summary>The ids of the sections and tags an article is filed under.</summary>
public sealed record ArticleTerms(IReadOnlyCollection<int> Categories, IReadOnlyCollection<int> Tags)
{
    public static readonly ArticleTerms None = new([], []);

    /// <summary>As the article stands in memory (ids of terms not yet saved are 0, and left out).</summary>
    public static ArticleTerms Of(Article article) => new(
        [.. article.Categories.Select(c => c.Id).Where(id => id != 0)],
        [.. article.Tags.Select(t => t.Id).Where(id => id != 0)]);
}

/// <summary>
/// A feature that must follow every write to an article (analysis, the related index). All
/// registered handlers run inside the writer's database transaction, before it commits, one
/// change after another in the order the writer gave them (then each handler's
/// <see cref="OnBatchCompletedAsync"/> once): a handler that throws rolls the whole write back, so
/// the article and what the handler keeps never disagree. Cache eviction is not a handler; the
/// pipeline declares the tags and evicts them after the commit.
/// </summary>
public interface IArticleChangeHandler
{
    Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct);

    /// <summary>
    /// Called once per write after every change of it was handed over, still inside the
    /// transaction: a handler that gathered work per change (bulk writers hand hundreds) does it
    /// here in one go.
    /// </summary>
    Task OnBatchCompletedAsync(IReadOnlyList<ArticleChange> changes, CancellationToken ct) => Task.CompletedTask;
}