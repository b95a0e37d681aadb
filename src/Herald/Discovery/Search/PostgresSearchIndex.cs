using Herald.Storage;

namespace Herald.Discovery.Search;

/// <summary>
/// PostgreSQL full-text search over the generated, weighted "SearchVector" column of Articles
/// (GIN-indexed; created by the PostgreSQL migration with the "herald_search" configuration:
/// English stemming after unaccent). Headline is weight A, dek B, body C.
/// </summary>
public sealed class PostgresSearchIndex(HeraldDbContext db, TimeProvider clock) : ISearchIndex
{
    private const string Score = """
        ts_rank('{0.05, 0.1, 0.4, 1.0}'::float4[], a."SearchVector", q.query)
        * (1.0 + 0.5 / (1.0 + greatest(0, extract(epoch FROM (@now - a."PublishedAt")) / 86400.0) / 30.0))
        """;

    private const string HeadlineOptions = "StartSel=" + Snippets.MarkStart + ", StopSel=" + Snippets.MarkEnd
        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty)
        {
            return SearchHits.None(request);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var withQuery = $"WITH q AS (SELECT {QueryExpression(request.Query)} AS query) ";
        // As on SQLite, only the newest matches are ranked, so a very common word costs a bounded amount.
        var newest = "(SELECT n.\"Id\" FROM \"Articles\" n, q WHERE n.\"SearchVector\" @@ q.query ORDER BY n.\"Id\" DESC LIMIT @cap)";
        var matches = $" FROM \"Articles\" a, q WHERE a.\"Id\" IN {newest} AND " + SearchCommand.ResultFilter;

        await using var count = await SearchCommand.CreateAsync(db, withQuery + "SELECT count(*)" + matches, request, now, ct);
        AddQueryParameters(count, request.Query);
        SearchCommand.Add(count, "cap", SearchCommand.MaxRanked);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return SearchHits.None(request);
        }

        var ranked = new List<(int Id, double Score)>();
        var rankSql = withQuery + $"SELECT a.\"Id\", {Score} AS score" + matches + " ORDER BY score DESC, a.\"Id\" DESC LIMIT @take OFFSET @skip";
        await using (var rank = await SearchCommand.CreateAsync(db, rankSql, request, now, ct))
        {
            AddQueryParameters(rank, request.Query);
            SearchCommand.Add(rank, "cap", SearchCommand.MaxRanked);
            SearchCommand.Add(rank, "take", request.PageSize);
            SearchCommand.Add(rank, "skip", (request.Page - 1) * request.PageSize);
            await using var reader = await rank.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ranked.Add((reader.GetInt32(0), reader.GetDouble(1)));
            }
        }

        var snippets = new Dictionary<int, string>();
        var snippetSql = withQuery + "SELECT a.\"Id\", ts_headline('herald_search', a.\"BodyMarkdown\", q.query, @options)"
            + " FROM \"Articles\" a, q WHERE a.\"Id\" = ANY(@ids)";
        await using (var command = await SearchCommand.CreateAsync(db, snippetSql, request, now, ct))
        {
            AddQueryParameters(command, request.Query);
            SearchCommand.Add(command, "options", HeadlineOptions);
            SearchCommand.Add(command, "ids", ranked.Select(r => r.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                snippets[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }
        return await SearchHits.LoadAsync(db, request, total, ranked, snippets, ct);
    }

    public async Task<IReadOnlyList<(int Id, double Score)>> MatchNewestAsync(SearchQuery query, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return [];
        }
        var sql = $"""
            WITH q AS (SELECT {QueryExpression(query)} AS query)
            SELECT a."Id", ts_rank('{"{"}0.05, 0.1, 0.4, 1.0{"}"}'::float4[], a."SearchVector", q.query)
            FROM "Articles" a, q WHERE a."SearchVector" @@ q.query ORDER BY a."Id" DESC LIMIT @cap
            """;
        await using var command = await SearchCommand.CreateAsync(db, sql, new SearchRequest(query, 1, 1), clock.GetUtcNow().UtcDateTime, ct);
        AddQueryParameters(command, query);
        SearchCommand.Add(command, "cap", SearchCommand.MaxRanked);
        var matches = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            matches.Add((reader.GetInt32(0), reader.GetDouble(1)));
        }
        return matches;
    }

    /// <summary>
    /// The loose words go to plainto_tsquery and each phrase to phraseto_tsquery, as parameters:
    /// PostgreSQL parses them as plain text, never as tsquery syntax.
    /// </summary>
    private static string QueryExpression(SearchQuery query)
    {
        var parts = new List<string>();
        if (query.Words.Count > 0)
        {
            parts.Add("plainto_tsquery('herald_search', @words)");
        }
        parts.AddRange(query.Phrases.Select((_, i) => $"phraseto_tsquery('herald_search', @phrase{i})"));
        return string.Join(" && ", parts);
    }

    private static void AddQueryParameters(System.Data.Common.DbCommand command, SearchQuery query)
    {
        if (query.Words.Count > 0)
        {
            SearchCommand.Add(command, "words", string.Join(' ', query.Words));
        }
        for (var i = 0; i < query.Phrases.Count; i++)
        {
            SearchCommand.Add(command, $"phrase{i}", string.Join(' ', query.Phrases[i]));
        }
    }
}