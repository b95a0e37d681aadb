using Herald.Storage;

namespace Herald.Discovery.Search;

/// <summary>
/// FTS5 over the Articles table as external content ("ArticleSearch", kept by triggers that
/// the SQLite migration creates). Word queries are ranked by bm25 with the headline weighing ten
/// times the body; queries with a quoted phrase are ranked by where the phrase stands (headline,
/// standfirst, body). Either score is scaled by a recency boost of up to 1.5× that halves over
/// about a month. The total comes from the same statement (a window count), so the match runs once.
/// </summary>
public sealed class SqliteSearchIndex(HeraldDbContext db, TimeProvider clock) : ISearchIndex
{
    private const string Recency = "(1.0 + 0.5 / (1.0 + max(0.0, julianday(@now) - julianday(a.\"PublishedAt\")) / 30.0))";

    // CROSS JOIN keeps FTS5 as the outer loop; the covering index spares reading article rows.
    private const string JoinArticles = " CROSS JOIN \"Articles\" a INDEXED BY \"IX_Articles_SearchFilter\" ON a.\"Id\" = m.id WHERE ";

    // The newest matches (rowid order is publication order in practice), ranked inside FTS5. The
    // cap keeps a search for a very common word from ranking the whole archive.
    private const string Bm25Matches = """
        SELECT rowid AS id, bm25("ArticleSearch", 10.0, 4.0, 1.0) AS rank FROM "ArticleSearch"
        WHERE "ArticleSearch" MATCH @match ORDER BY rowid DESC LIMIT @cap
        """;

    // The window's own size (before the reader's filters) tells whether older matches were left out.
    private const string RankedByBm25 = "WITH window AS MATERIALIZED (" + Bm25Matches + ") SELECT a.\"Id\", m.rank * " + Recency
        + " AS score, count(*) OVER () AS total, (SELECT count(*) FROM window) AS considered FROM window m" + JoinArticles
        + SearchCommand.ResultFilter + " ORDER BY score LIMIT @take OFFSET @skip";

    // bm25 must know how many articles contain each phrase, and FTS5 finds out by matching the
    // phrase against the whole archive, a cost paid before the first row that grows with it. A phrase query's own ranking needs no such statistic: the newest matches
    // (cheap, they stop at the cap) are weighed by where the phrase stands, and the headline and
    // standfirst matches are looked up only over the rowid range of those candidates. The
    // weights are negative like bm25's, so that lower is better in both.
    private const string PlacementMatches = """
        WITH newest AS MATERIALIZED (SELECT rowid AS id FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match
                                     ORDER BY rowid DESC LIMIT @cap),
        inHeadline AS (SELECT rowid AS id FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @inHeadline
                       AND rowid >= (SELECT min(id) FROM newest)),
        inDek AS (SELECT rowid AS id FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @inDek
                  AND rowid >= (SELECT min(id) FROM newest)),
        placed AS (SELECT id, CASE WHEN id IN inHeadline THEN -10.0 WHEN id IN inDek THEN -4.0 ELSE -1.0 END AS rank FROM newest)
        """;

    private const string RankedByPlacement = PlacementMatches + " SELECT a.\"Id\", m.rank * " + Recency
        + " AS score, count(*) OVER () AS total, (SELECT count(*) FROM newest) AS considered FROM placed m" + JoinArticles + SearchCommand.ResultFilter
        + " ORDER BY score LIMIT @take OFFSET @skip";

    private const string CountAll = "WITH window AS MATERIALIZED (SELECT rowid AS id FROM \"ArticleSearch\" WHERE \"ArticleSearch\" MATCH @match"
        + " ORDER BY rowid DESC LIMIT @cap) SELECT count(*), (SELECT count(*) FROM window) FROM window m" + JoinArticles + SearchCommand.ResultFilter;

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

        var total = 0;
        var considered = 0;
        var ranked = new List<(int Id, double Score)>();
        var byPlacement = request.Query.Phrases.Count > 0;
        await using (var rank = await SearchCommand.CreateAsync(db, byPlacement ? RankedByPlacement : RankedByBm25, request, now, ct))
        {
            AddMatchParameters(rank, request.Query);
            SearchCommand.Add(rank, "take", request.PageSize);
            SearchCommand.Add(rank, "skip", (request.Page - 1) * request.PageSize);
            await using var reader = await rank.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ranked.Add((reader.GetInt32(0), -reader.GetDouble(1)));
                total = reader.GetInt32(2);
                considered = reader.GetInt32(3);
            }
        }
        if (ranked.Count == 0)
        {
            // A page past the end has no rows to carry the total; count once for the pager.
            await using var count = await SearchCommand.CreateAsync(db, CountAll, request, now, ct);
            SearchCommand.Add(count, "match", match);
            SearchCommand.Add(count, "cap", SearchCommand.WindowOf(request.Query));
            await using var reader = await count.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                (total, considered) = (reader.GetInt32(0), reader.GetInt32(1));
            }
            if (total == 0)
            {
                return SearchHits.None(request);
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
        // A full window means older matches were not considered: the total is a lower bound.
        return await SearchHits.LoadAsync(db, request, total, ranked, snippets, ct, totalIsLowerBound: considered >= SearchCommand.WindowOf(request.Query));
    }

    public async Task<IReadOnlyList<(int Id, double Score)>> MatchNewestAsync(SearchQuery query, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return [];
        }
        var sql = query.Phrases.Count > 0 ? PlacementMatches + " SELECT id, rank FROM placed" : Bm25Matches;
        var request = new SearchRequest(query, 1, 1);
        await using var command = await SearchCommand.CreateAsync(db, sql, request, clock.GetUtcNow().UtcDateTime, ct);
        AddMatchParameters(command, query);
        var matches = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            matches.Add((reader.GetInt32(0), -reader.GetDouble(1)));
        }
        return matches;
    }

    /// <summary>The match, the cap and, for phrase queries, the phrase-in-column matches.</summary>
    private static void AddMatchParameters(System.Data.Common.DbCommand command, SearchQuery query)
    {
        SearchCommand.Add(command, "match", ToMatchExpression(query));
        SearchCommand.Add(command, "cap", SearchCommand.WindowOf(query));
        if (query.Phrases.Count > 0)
        {
            SearchCommand.Add(command, "inHeadline", InColumn("Headline", query));
            SearchCommand.Add(command, "inDek", InColumn("Dek", query));
        }
    }

    /// <summary>
    /// Every token becomes an FTS5 string ("word"), every phrase a quoted run of them, joined
    /// by implicit AND. Tokens hold only letters and digits, so no reader input is FTS syntax.
    /// </summary>
    public static string ToMatchExpression(SearchQuery query) =>
        string.Join(' ', query.Words.Select(w => $"\"{w}\"").Concat(Phrases(query)));

    /// <summary>Every phrase of the query within one column: where the phrase stands decides its rank.</summary>
    private static string InColumn(string column, SearchQuery query) =>
        string.Join(' ', Phrases(query).Select(p => $"{{{column}}} : {p}"));

    private static IEnumerable<string> Phrases(SearchQuery query) => query.Phrases.Select(p => $"\"{string.Join(' ', p)}\"");

}