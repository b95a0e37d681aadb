using Herald.Storage;

namespace Herald.Discovery.Search;

/// <summary>
/// FTS5 over the Articles table as external content ("ArticleSearch", kept by triggers that
/// the SQLite migration creates). Ranking is bm25 with the headline weighing ten times the body,
/// scaled by a recency boost of up to 1.5× that halves over about a month.
/// </summary>
public sealed class SqliteSearchIndex(HeraldDbContext db, TimeProvider clock) : ISearchIndex
{
    // The newest matches (rowid order is publication order in practice), ranked inside FTS5. The
    // cap keeps a search for a very common word from ranking the whole archive.
    private const string NewestMatches = """
        SELECT rowid AS id, bm25("ArticleSearch", 10.0, 4.0, 1.0) AS rank FROM "ArticleSearch"
        WHERE "ArticleSearch" MATCH @match ORDER BY rowid DESC LIMIT @cap
        """;

    // CROSS JOIN keeps FTS5 as the outer loop; the covering index spares reading article rows.
    private const string Matches = "FROM (" + NewestMatches
        + ") m CROSS JOIN \"Articles\" a INDEXED BY \"IX_Articles_SearchFilter\" ON a.\"Id\" = m.id WHERE ";

    private const string RankedIds = "SELECT a.\"Id\", m.rank"
        + " * (1.0 + 0.5 / (1.0 + max(0.0, julianday(@now) - julianday(a.\"PublishedAt\")) / 30.0)) AS score "
        + Matches + SearchCommand.ResultFilter + " ORDER BY score LIMIT @take OFFSET @skip";

    private const string CountAll = "SELECT count(*) " + Matches + SearchCommand.ResultFilter;

    // snippet() needs the MATCH of the same statement; it runs only for the page's rows.
    private const string SnippetsOf = """
        SELECT s.rowid, snippet("ArticleSearch", 2, char(57344), char(57345), '…', 28)
        FROM "ArticleSearch" s WHERE "ArticleSearch" MATCH @match AND s.rowid IN (SELECT value FROM json_each(@ids))
        """;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty)
        {
            return SearchHits.None(request);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var match = ToMatchExpression(request.Query);

        await using var count = await SearchCommand.CreateAsync(db, CountAll, request, now, ct);
        SearchCommand.Add(count, "match", match);
        SearchCommand.Add(count, "cap", SearchCommand.MaxRanked);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return SearchHits.None(request);
        }

        var ranked = new List<(int Id, double Score)>();
        await using (var rank = await SearchCommand.CreateAsync(db, RankedIds, request, now, ct))
        {
            SearchCommand.Add(rank, "match", match);
            SearchCommand.Add(rank, "cap", SearchCommand.MaxRanked);
            SearchCommand.Add(rank, "take", request.PageSize);
            SearchCommand.Add(rank, "skip", (request.Page - 1) * request.PageSize);
            await using var reader = await rank.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ranked.Add((reader.GetInt32(0), -reader.GetDouble(1)));
            }
        }

        var snippets = new Dictionary<int, string>();
        await using (var command = await SearchCommand.CreateAsync(db, SnippetsOf, request, now, ct))
        {
            SearchCommand.Add(command, "match", match);
            SearchCommand.Add(command, "ids", "[" + string.Join(',', ranked.Select(r => r.Id)) + "]");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                snippets[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }
        return await SearchHits.LoadAsync(db, request, total, ranked, snippets, ct);
    }

    /// <summary>
    /// Every token becomes an FTS5 string ("word"), every phrase a quoted run of them, joined
    /// by implicit AND. Tokens hold only letters and digits, so no reader input is FTS syntax.
    /// </summary>
    public static string ToMatchExpression(SearchQuery query) =>
        string.Join(' ', query.Words.Select(w => $"\"{w}\"").Concat(query.Phrases.Select(p => $"\"{string.Join(' ', p)}\"")));
}