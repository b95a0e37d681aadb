using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Search;

/// <summary>
/// PostgreSQL full-text search over the generated, weighted "SearchVector" column of Articles
/// (GIN-indexed; created by the PostgreSQL migration with the "herald_search" configuration:
/// English stemming after unaccent). Headline is weight A, dek B, body C.
/// </summary>
/// <remarks>
/// What costs on PostgreSQL is reading an article's tsvector: it is stored out of line (TOAST,
/// a few KB each), and ts_rank, a phrase check and a weight check all read the whole of it. So
/// one statement finds the matches, counts and ranks them, and reads as few vectors as it can:
/// <list type="bullet">
/// <item>The newest matches come from the GIN index. The query reaches the planner from a
/// materialized CTE, so it cannot see how common the words are: told, it walks the primary key
/// newest-first and reads the vector of every article on the way (it prices @@ as one cheap
/// operator): for words in a third of the archive that is slower than the index
/// (bench/discovery/RESULTS.md).</item>
/// <item>"The newest matches" (<see cref="SearchCommand.WindowOf"/>: 2,000 for words, 5,000 for
/// phrases) are looked for in windows of ids, newest first: the newest ids (twice the matches
/// wanted), then six times as many before them, then the rest (<see cref="WindowsOf"/>),
/// each window answered by the GIN bitmap ANDed with a primary-key range, and a window is only
/// read when the ones before it held too few matches. Without windows PostgreSQL fetches the
/// heap row of every match just to sort the ids (a word in nearly every article: 98,000 rows for
/// 5,000 kept, bench/discovery/RESULTS.md); a common word now reads about one window's worth.
/// The window bounds are parameters with their values, never a subquery: only a known bound lets
/// the planner choose the ANDed bitmaps.</item>
/// <item>A phrase query first takes the newest articles that contain all its words (exact in the
/// index, no vector read) and checks the phrase only on those: a phrase of two common words
/// otherwise makes PostgreSQL read the vector of every article holding both.</item>
/// <item>Only candidates that can rank high get ts_rank: the newest <see cref="RankedNewest"/>
/// matches (or as many as the requested page needs) and any match whose headline or dek holds a
/// query word (asked of "HeadlineVector", the headline and dek part of the vector, kept in the
/// row). The rest are body-only matches older than those; they follow, newest first. For one
/// word they would score below any headline or dek match anyway; for several, ts_rank also
/// rewards words that stand close together, so an old body match with the words side by side
/// no longer climbs above newer matches.</item>
/// <item>A one-word query ranks in full only the candidates that can reach the requested page:
/// the headline-and-dek rank bounds the whole rank from below and, with the body's largest
/// share, from above (see <see cref="Lead"/>), so a candidate whose upper bound is below the
/// page's worst lower bound is left unranked. A word in many headlines otherwise reads the
/// whole vector of every one of the window's matches.</item>
/// </list>
/// </remarks>
public sealed class PostgresSearchIndex(HeraldDbContext db, TimeProvider clock) : ISearchIndex
{
    /// <summary>This many of the newest matches are always ranked by ts_rank, whatever their placement.</summary>
    internal const int RankedNewest = 500;

    /// <summary>
    /// How many of the newest ids are searched first (enough for a word in half the articles to
    /// fill the query's window of matches), and how many before them next (a word in one article
    /// in eight fills it within both).
    /// </summary>
    internal static (int First, int Second) WindowsOf(SearchQuery query) =>
        (2 * SearchCommand.WindowOf(query), 6 * SearchCommand.WindowOf(query));

    private const string Weights = "'{0.05, 0.1, 0.4, 1.0}'::float4[]";

    private const string Rank = "ts_rank(" + Weights + ", h.\"SearchVector\", q.query)";

    private const string Recency = "(1.0 + 0.5 / (1.0 + greatest(0, extract(epoch FROM (@now - h.\"PublishedAt\")) / 86400.0) / 30.0))";

    // A word in the headline or dek can rank a match high. "HeadlineVector" (the headline and dek
    // part of SearchVector, kept in the row) answers that exactly without reading the whole
    // vector: it holds any of the query's lexemes.
    private const string AnyLexeme = """
        (SELECT string_agg(quote_literal(l), ' | ') FROM unnest(tsvector_to_array(to_tsvector('herald_search', @text))) l)::tsquery
        """;

    private const string Prominent = "h.\"HeadlineVector\" @@ q.anylexeme";

    // For a query of one lexeme ts_rank sums the lexeme's positions in order, headline (weight A)
    // first, then dek (B), then body (C, 0.1), and no body position changes the largest weight.
    // So the rank of the whole vector is the rank of HeadlineVector (the same positions) plus the
    // body's share, less than 0.1 × (π²/6 − 1) / 1.645 < 0.04 when the headline or dek holds the
    // lexeme, and under 0.1 in all when neither does. Those bounds need no body: only the
    // matches whose bound reaches the page's worst lower bound are ranked in full.
    private const string Lead = "ts_rank(" + Weights + ", h.\"HeadlineVector\", q.query)";

    private const string Bound = "(CASE WHEN h.prominent THEN h.lead + 0.04 ELSE 0.1 END) * h.recency";

    // The page's worst lower bound: the rank of its last row's headline and dek (one lexeme only;
    // otherwise no bound and every candidate is ranked, as when fewer prominent matches exist).
    private const string Threshold = """
        (SELECT h.lead * h.recency FROM hits h, q WHERE q.single AND h.prominent ORDER BY 1 DESC OFFSET @need - 1 LIMIT 1)
        """;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty)
        {
            return SearchHits.None(request);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var skip = (request.Page - 1) * request.PageSize;
        var sql = Matches(request.Query, SearchCommand.ResultFilter)
            + $" SELECT h.\"Id\", CASE WHEN (h.age <= @ranked OR h.prominent) AND {Bound} >= coalesce({Threshold}, 0) THEN {Rank} * h.recency ELSE 0 END AS score,"
            + " count(*) OVER () AS total, (SELECT count(*) FROM newest) AS considered FROM hits h, q ORDER BY score DESC, h.\"Id\" DESC LIMIT @take OFFSET @skip";

        var total = 0;
        var considered = 0;
        var ranked = new List<(int Id, double Score)>();
        var newestId = await NewestIdAsync(ct);
        await using (var rank = await SearchCommand.CreateAsync(db, sql, request, now, ct))
        {
            AddQueryParameters(rank, request.Query);
            AddWindowParameters(rank, request.Query, newestId);
            SearchCommand.Add(rank, "ranked", Math.Max(RankedNewest, skip + request.PageSize));
            SearchCommand.Add(rank, "need", skip + request.PageSize);
            SearchCommand.Add(rank, "take", request.PageSize);
            SearchCommand.Add(rank, "skip", skip);
            await using var reader = await rank.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ranked.Add((reader.GetInt32(0), reader.GetDouble(1)));
                total = Convert.ToInt32(reader.GetInt64(2));
                considered = Convert.ToInt32(reader.GetInt64(3));
            }
        }
        if (ranked.Count == 0)
        {
            // A page past the end has no rows to carry the total; count once for the pager.
            total = request.Page == 1 ? 0 : await CountAsync(request, now, newestId, ct);
            if (total == 0)
            {
                return SearchHits.None(request);
            }
        }

        var snippets = await PostgresSnippets.CutAsync(db, request, now, ranked.Select(r => r.Id).ToList(), ct);
        // A full window of newest matches means older ones were not considered: the total is a lower bound.
        return await SearchHits.LoadAsync(db, request, total, ranked, snippets, ct, totalIsLowerBound: considered >= SearchCommand.WindowOf(request.Query));
    }

    public async Task<IReadOnlyList<(int Id, double Score)>> MatchNewestAsync(SearchQuery query, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return [];
        }
        var sql = Matches(query, "TRUE")
            + $" SELECT h.\"Id\", CASE WHEN h.age <= @ranked OR h.prominent THEN {Rank} ELSE 0 END FROM hits h, q";
        var newestId = await NewestIdAsync(ct);
        await using var command = await SearchCommand.CreateAsync(db, sql, new SearchRequest(query, 1, 1), clock.GetUtcNow().UtcDateTime, ct);
        AddQueryParameters(command, query);
        AddWindowParameters(command, query, newestId);
        SearchCommand.Add(command, "ranked", RankedNewest);
        var matches = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            matches.Add((reader.GetInt32(0), reader.GetDouble(1)));
        }
        return matches;
    }

    private async Task<int> CountAsync(SearchRequest request, DateTime now, int newestId, CancellationToken ct)
    {
        await using var count = await SearchCommand.CreateAsync(db, Matches(request.Query, SearchCommand.ResultFilter) + " SELECT count(*) FROM hits", request, now, ct);
        AddQueryParameters(count, request.Query);
        AddWindowParameters(count, request.Query, newestId);
        return Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// CTEs q (the query and the prominence pattern), newest (the newest matches, window by window:
    /// the windows are disjoint and each is sorted newest first, so the first rows of their
    /// concatenation are the newest matches of all, and PostgreSQL stops reading windows once it
    /// has enough) and hits: the newest matches (at most
    /// <see cref="SearchCommand.WindowOf"/> before <paramref name="filter"/>, which speaks of
    /// alias a) with their age rank, newest = 1.
    /// </summary>
    private static string Matches(SearchQuery query, string filter)
    {
        // ts_match_vq is @@ as a function: the planner cannot turn it into a second index scan
        // over every article with the words, it checks just the newest ones.
        var phrase = query.Phrases.Count > 0 ? "ts_match_vq(a.\"SearchVector\", q.query) AND " : "";
        var window = SearchCommand.WindowOf(query);
        return $"""
            WITH q AS MATERIALIZED (SELECT {QueryExpression(query)} AS query, {WordsExpression(query)} AS words, {AnyLexeme} AS anylexeme,
                                           numnode({QueryExpression(query)}) = 1 AS single),
            newest AS MATERIALIZED (
                (SELECT n."Id" FROM "Articles" n, q WHERE n."SearchVector" @@ q.words AND n."Id" > @window1
                 ORDER BY n."Id" DESC LIMIT {window})
                UNION ALL
                (SELECT n."Id" FROM "Articles" n, q WHERE n."SearchVector" @@ q.words AND n."Id" <= @window1 AND n."Id" > @window2
                 ORDER BY n."Id" DESC LIMIT {window})
                UNION ALL
                (SELECT n."Id" FROM "Articles" n, q WHERE n."SearchVector" @@ q.words AND n."Id" <= @window2
                 ORDER BY n."Id" DESC LIMIT {window})
                LIMIT {window}),
            hits AS (SELECT h.*, {Prominent} AS prominent, CASE WHEN q.single THEN {Lead} ELSE 0 END AS lead, {Recency} AS recency
                     FROM (SELECT a."Id", a."PublishedAt", a."HeadlineVector", a."SearchVector", row_number() OVER (ORDER BY a."Id" DESC) AS age
                           FROM newest m JOIN "Articles" a ON a."Id" = m."Id", q WHERE {phrase}{filter}) h, q)
            """;
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

    /// <summary>Every word of the query, phrases included, without their order: what the GIN index answers exactly.</summary>
    private static string WordsExpression(SearchQuery query)
    {
        var parts = new List<string>();
        if (query.Words.Count > 0)
        {
            parts.Add("plainto_tsquery('herald_search', @words)");
        }
        parts.AddRange(query.Phrases.Select((_, i) => $"plainto_tsquery('herald_search', @phrase{i})"));
        return string.Join(" && ", parts);
    }

    /// <summary>The highest article id: where the windows of <see cref="Matches"/> start.</summary>
    private async Task<int> NewestIdAsync(CancellationToken ct) =>
        await db.Articles.Select(a => (int?)a.Id).MaxAsync(ct) ?? 0;

    private static void AddWindowParameters(System.Data.Common.DbCommand command, SearchQuery query, int newestId)
    {
        var (first, second) = WindowsOf(query);
        SearchCommand.Add(command, "window1", newestId - first);
        SearchCommand.Add(command, "window2", newestId - first - second);
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
        SearchCommand.Add(command, "text", string.Join(' ', query.Words.Concat(query.Phrases.SelectMany(p => p))));
    }
}