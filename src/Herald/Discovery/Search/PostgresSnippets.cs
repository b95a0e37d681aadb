using Herald.Storage;

namespace Herald.Discovery.Search;

/// <summary>
/// Snippets for PostgreSQL results, cut in .NET (<see cref="SnippetCutter"/>) rather than by
/// ts_headline. ts_headline runs PostgreSQL's text-search parser and dictionaries over every word
/// of each body: 8–20 ms for a page of ten 6 KB stories at 100,000 articles, more than the rest of
/// the snippet work and the cards together (bench/discovery/RESULTS.md). Which words count as matches is still
/// PostgreSQL's answer: only the distinct words that may be a form of a query word (they begin
/// like its stem, see <see cref="MayBeFormOf"/>) are sent to the same "herald_search" configuration
/// the index uses, in one short statement.
/// </summary>
internal static class PostgresSnippets
{
    /// <summary>Distinct words sent to the stemmer at most; a query stem of one letter could otherwise send a page's whole vocabulary.</summary>
    private const int MaxCandidates = 4000;

    // The bodies of the page's results (none for a locked story, which shows no words) and the
    // query's own lexemes, in one round trip.
    private const string BodiesAndLexemes = """
        SELECT a."Id", a."BodyMarkdown" FROM "Articles" a WHERE a."Id" = ANY(@ids) AND a."Password" IS NULL;
        SELECT tsvector_to_array(to_tsvector('herald_search', @text));
        """;

    private const string MatchingWords = """
        SELECT w FROM unnest(@words) w WHERE tsvector_to_array(to_tsvector('herald_search', w)) && @lexemes
        """;

    public static async Task<Dictionary<int, string>> CutAsync(HeraldDbContext db, SearchRequest request, DateTime now,
        IReadOnlyList<int> ids, CancellationToken ct)
    {
        var bodies = new Dictionary<int, string>();
        string[] lexemes;
        await using (var command = await SearchCommand.CreateAsync(db, BodiesAndLexemes, request, now, ct))
        {
            SearchCommand.Add(command, "ids", ids.ToArray());
            SearchCommand.Add(command, "text", string.Join(' ', request.Query.Words.Concat(request.Query.Phrases.SelectMany(p => p))));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                bodies[reader.GetInt32(0)] = reader.GetString(1);
            }
            await reader.NextResultAsync(ct);
            lexemes = await reader.ReadAsync(ct) ? reader.GetFieldValue<string[]>(0) : [];
        }

        var matches = await MatchingWordsAsync(db, request, now, bodies.Values, lexemes, ct);
        return bodies.ToDictionary(b => b.Key, b => SnippetCutter.Cut(b.Value, w => matches.Contains(w.ToLowerInvariant())));
    }

    /// <summary>The lower-cased words of <paramref name="bodies"/> that PostgreSQL stems to one of <paramref name="lexemes"/>.</summary>
    private static async Task<HashSet<string>> MatchingWordsAsync(HeraldDbContext db, SearchRequest request, DateTime now,
        IEnumerable<string> bodies, string[] lexemes, CancellationToken ct)
    {
        var beginnings = lexemes.Select(l => l[..Math.Max(l.Length - 2, 1)]).Distinct().ToList();
        var candidates = bodies.SelectMany(SnippetCutter.WordsOf).Select(w => w.ToLowerInvariant()).Distinct()
            .Where(w => MayBeFormOf(w, beginnings)).Take(MaxCandidates).ToArray();
        var matches = new HashSet<string>(StringComparer.Ordinal);
        if (candidates.Length == 0)
        {
            return matches;
        }
        await using var command = await SearchCommand.CreateAsync(db, MatchingWords, request, now, ct);
        SearchCommand.Add(command, "words", candidates);
        SearchCommand.Add(command, "lexemes", lexemes);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            matches.Add(reader.GetString(0));
        }
        return matches;
    }

    /// <summary>
    /// English stemming only rewrites a word's ending ("possibility" → "possibl", "happy" →
    /// "happi"), so a form of a lexeme begins like the lexeme less its last two letters, once
    /// accents are gone. That admits words that are no form (PostgreSQL turns them down) and
    /// misses none that are.
    /// </summary>
    private static bool MayBeFormOf(string word, List<string> beginnings)
    {
        var folded = SearchQuery.Tokenize(word).FirstOrDefault() ?? "";
        return beginnings.Any(b => folded.StartsWith(b, StringComparison.Ordinal));
    }
}