using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Search;

/// <summary>Turns ranked ids and snippets from either engine into cards, in rank order, with one query.</summary>
internal static class SearchHits
{
    public static SearchResults None(SearchRequest request) =>
        new(new PagedList<SearchHit>([], request.Page, request.PageSize, 0));

    public static async Task<SearchResults> LoadAsync(HeraldDbContext db, SearchRequest request, int total,
        IReadOnlyList<(int Id, double Score)> ranked, IReadOnlyDictionary<int, string> snippets, CancellationToken ct,
        bool totalIsLowerBound = false)
    {
        var ids = ranked.Select(r => r.Id).ToList();
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(ArticleQueries.ToSummary).SplitOnSqlite(db).ToDictionaryAsync(a => a.Id, ct);
        var hits = ranked.Where(r => cards.ContainsKey(r.Id))
            // A protected story is found by its words but shows none of them.
            .Select(r => new SearchHit(cards[r.Id],
                cards[r.Id].IsProtected ? Articles.Protection.PostPasswords.NoExcerpt : Snippets.FromMarkdown(snippets.GetValueOrDefault(r.Id, "")), r.Score))
            .ToList();
        return new SearchResults(new PagedList<SearchHit>(hits, request.Page, request.PageSize, total), totalIsLowerBound);
    }
}