namespace Herald.Discovery.Related;

/// <summary>One of an article's most distinctive terms (TF-IDF weight); the inverted index that finds candidates.</summary>
public sealed class ArticleTerm
{
    public int ArticleId { get; set; }
    public required string Term { get; set; }
    public double Weight { get; set; }
}

/// <summary>
/// In how many indexed articles a term occurs (document frequency). The row named
/// <see cref="ArticleCountKey"/> holds the number of indexed articles itself.
/// </summary>
public sealed class TermFrequency
{
    /// <summary>Terms are letters and digits only, so this key can never collide with one.</summary>
    public const string ArticleCountKey = "#articles";

    public required string Term { get; set; }
    public int DocumentCount { get; set; }
}

/// <summary>The distinct terms an article was counted under, so that an edit can take them back out of the frequencies.</summary>
public sealed class IndexedArticle
{
    public int ArticleId { get; set; }
    public string Terms { get; set; } = "";
    public DateTime IndexedAt { get; set; }
}

/// <summary>A computed "related article" with its score and a reader-free explanation for editors.</summary>
public sealed class RelatedArticle
{
    public int ArticleId { get; set; }
    public int RelatedArticleId { get; set; }
    public double Score { get; set; }
    public string Reasons { get; set; } = "";
}

/// <summary>An editor's decision that survives recomputation: always show (pin) or never show (exclude).</summary>
public sealed class RelatedOverride
{
    public int ArticleId { get; set; }
    public int RelatedArticleId { get; set; }
    public bool Pinned { get; set; }
    public DateTime DecidedAt { get; set; }
}