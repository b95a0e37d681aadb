using Herald.Discovery.Related;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Bench.Discovery;

internal sealed record BenchQuery(string Kind, string Text, string? Category);

/// <summary>
/// Queries a reader might type, drawn from the corpus itself: very common words (the worst case
/// for ranking: many matches), mid-frequency and rare words, two-word queries, quoted phrases
/// taken from real headlines, and a section filter.
/// </summary>
internal static class QueryMix
{
    public static async Task<List<BenchQuery>> BuildAsync(HeraldDbContext db, Random random, int count)
    {
        var documents = await db.TermFrequencies.Where(f => f.Term == TermFrequency.ArticleCountKey).Select(f => f.DocumentCount).FirstAsync();
        var common = await db.TermFrequencies.Where(f => f.Term != TermFrequency.ArticleCountKey)
            .OrderByDescending(f => f.DocumentCount).Take(30).Select(f => f.Term).ToListAsync();
        var middle = await db.TermFrequencies.Where(f => f.DocumentCount > documents / 200 && f.DocumentCount < documents / 20)
            .OrderBy(f => f.Term).Take(300).Select(f => f.Term).ToListAsync();
        var rare = await db.TermFrequencies.Where(f => f.DocumentCount >= 2 && f.DocumentCount <= 20)
            .OrderBy(f => f.Term).Take(300).Select(f => f.Term).ToListAsync();
        var headlines = await db.Articles.OrderBy(a => a.Id).Take(2000).Select(a => a.Headline).ToListAsync();
        var sections = await db.Categories.Select(c => c.Slug).ToListAsync();

        string Pick(List<string> list) => list.Count == 0 ? "harbour" : list[random.Next(list.Count)];
        string Phrase()
        {
            var words = Pick(headlines).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = random.Next(Math.Max(1, words.Length - 1));
            return "\"" + string.Join(' ', words.Skip(start).Take(2)) + "\"";
        }

        var queries = new List<BenchQuery>();
        for (var i = 0; queries.Count < count; i++)
        {
            queries.Add((i % 6) switch
            {
                0 => new BenchQuery("common word", Pick(common), null),
                1 => new BenchQuery("mid-frequency word", Pick(middle), null),
                2 => new BenchQuery("rare word", Pick(rare), null),
                3 => new BenchQuery("two words", $"{Pick(middle)} {Pick(common)}", null),
                4 => new BenchQuery("phrase", Phrase(), null),
                _ => new BenchQuery("word + section filter", Pick(middle), Pick(sections)),
            });
        }
        return queries;
    }
}