using Herald.Articles;

namespace Herald.Discovery.Search;

/// <summary>
/// Full-text search over published articles in the database's own engine: SQLite FTS5 or
/// PostgreSQL tsvector. Both indexes are kept by the database itself (triggers, a generated
/// column), so they change in the same transaction as the article, whoever writes it.
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct);

    /// <summary>
    /// The newest articles (at most <see cref="SearchCommand.WindowOf"/>, of any status) the query
    /// matches, each with a relevance score where higher is better, for callers that apply their
    /// own filters and order (the WordPress API). Ranked the way <see cref="SearchAsync"/> ranks,
    /// without the recency boost.
    /// </summary>
    Task<IReadOnlyList<(int Id, double Score)>> MatchNewestAsync(SearchQuery query, CancellationToken ct);
}

/// <summary>A parsed query with its filters; category and author are slugs, dates are UTC bounds.</summary>
public sealed record SearchRequest(
    SearchQuery Query,
    int Page,
    int PageSize,
    string? CategorySlug = null,
    string? AuthorSlug = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null);

/// <summary>One result: the card and a snippet whose matches are wrapped in <see cref="Snippets.MarkStart"/>/<see cref="Snippets.MarkEnd"/>.</summary>
public sealed record SearchHit(ArticleSummary Article, string Snippet, double Score);

/// <summary>
/// The page of hits. Only the newest matches are ranked; when there were more, the total counts
/// what was ranked and <paramref name="TotalIsLowerBound"/> says that older matches exist.
/// </summary>
public sealed record SearchResults(PagedList<SearchHit> Hits, bool TotalIsLowerBound = false);