using Herald.Discovery.Search;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>
/// The articles a ?search= matches, with a relevance score, from the database's own full-text
/// index (FTS5 or tsvector) — the same tokens as Herald's search page, so no reader text reaches
/// the engine as syntax. Like the search page it considers only the newest
/// <see cref="SearchCommand.MaxRanked"/> matches, so one request costs a bounded amount; the
/// caller then narrows them with its own filters in one query.
/// </summary>
public sealed class WpSearchMatcher(HeraldDbContext db, Hosting.ServeOptions options)
{
    private const string Sqlite = """
        SELECT rowid, bm25("ArticleSearch", 10.0, 4.0, 1.0) FROM "ArticleSearch"
        WHERE "ArticleSearch" MATCH @match ORDER BY rowid DESC LIMIT @cap
        """;

    /// <summary>Matches, newest first, each with a score where higher is better; empty when nothing in the text can be searched.</summary>
    public async Task<IReadOnlyList<(int Id, double Score)>> MatchAsync(string text, CancellationToken ct)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return [];
        }
        var request = new SearchRequest(query, 1, 1);
        var sqlite = options.Database.Provider == DatabaseProvider.Sqlite;
        var sql = sqlite
            ? Sqlite
            : $"""
               WITH q AS (SELECT {PostgresSearchIndex.QueryExpression(query)} AS query)
               SELECT a."Id", ts_rank('{"{"}0.05, 0.1, 0.4, 1.0{"}"}'::float4[], a."SearchVector", q.query)
               FROM "Articles" a, q WHERE a."SearchVector" @@ q.query ORDER BY a."Id" DESC LIMIT @cap
               """;
        await using var command = await SearchCommand.CreateAsync(db, sql, request, DateTime.UtcNow, ct);
        command.Parameters.Clear();
        if (sqlite)
        {
            SearchCommand.Add(command, "match", SqliteSearchIndex.ToMatchExpression(query));
        }
        else
        {
            PostgresSearchIndex.AddQueryParameters(command, query);
        }
        SearchCommand.Add(command, "cap", SearchCommand.MaxRanked);
        var matches = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var score = reader.GetDouble(1);
            matches.Add((reader.GetInt32(0), sqlite ? -score : score));
        }
        return matches;
    }
}