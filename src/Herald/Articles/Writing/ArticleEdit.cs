namespace Herald.Articles.Writing;

/// <summary>
/// One article on its way through <see cref="ArticlePipeline"/>: opened (or created) by the
/// pipeline, which remembers how it stood before, changed by the writer, then saved.
/// </summary>
public sealed class ArticleEdit
{
    internal ArticleEdit(Article article, ArticleStatus? statusBefore, IReadOnlyCollection<string> shownBefore)
    {
        Article = article;
        StatusBefore = statusBefore;
        ShownBefore = shownBefore;
        TermsBefore = statusBefore is null ? ArticleTerms.None : ArticleTerms.Of(article);
    }

    /// <summary>The sections and tags it was filed under when opened, whose counts a change may alter.</summary>
    public ArticleTerms TermsBefore { get; }

    /// <summary>The tracked article; change it freely before saving.</summary>
    public Article Article { get; }

    public bool IsNew => StatusBefore is null;

    /// <summary>The status when opened; null for a new article.</summary>
    public ArticleStatus? StatusBefore { get; }

    /// <summary>The cache tags of the pages that showed the article when it was opened (none when it was not public).</summary>
    public IReadOnlyCollection<string> ShownBefore { get; }

    /// <summary>What the body's renderer may use beyond the source (the pictures an imported [gallery] shows).</summary>
    public IBodyRenderHints? RenderHints { get; set; }

    /// <summary>The body as rendered by this save; null until rendered, or when the body did not change.</summary>
    internal RenderedBody? Rendered { get; set; }

    /// <summary>
    /// Why this save could not render the body (it is stored as its own escaped text then), or null:
    /// set once the pipeline has rendered it.
    /// </summary>
    public string? RenderProblem => Rendered?.Problem;

    /// <summary>What this save does, seen from readers: publishes, unpublishes, or changes what they see (or not).</summary>
    public ArticleChangeKind Kind => KindOf(StatusBefore, Article.Status);

    /// <summary>What a step from one status to another (or to a first one) is to readers.</summary>
    public static ArticleChangeKind KindOf(ArticleStatus? before, ArticleStatus after) => (before, after) switch
    {
        (not ArticleStatus.Published, ArticleStatus.Published) => ArticleChangeKind.Published,
        (ArticleStatus.Published, not ArticleStatus.Published) => ArticleChangeKind.Unpublished,
        _ => ArticleChangeKind.Saved,
    };
}