using System.Text;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Related;

/// <summary>
/// Document frequencies for IDF, changed by deltas with one upsert statement (the same
/// INSERT ... ON CONFLICT syntax works on SQLite and PostgreSQL), so concurrent publishes add
/// up instead of overwriting each other.
/// </summary>
internal static class TermStatistics
{
    public static async Task ApplyAsync(HeraldDbContext db, IReadOnlyDictionary<string, int> deltas, CancellationToken ct)
    {
        var changes = deltas.Where(d => d.Value != 0).ToList();
        for (var start = 0; start < changes.Count; start += 200)
        {
            var batch = changes.Skip(start).Take(200).ToList();
            var sql = new StringBuilder("INSERT INTO \"TermFrequencies\" (\"Term\", \"DocumentCount\") VALUES ");
            var parameters = new List<object>();
            for (var i = 0; i < batch.Count; i++)
            {
                // {n} placeholders become parameters in ExecuteSqlRawAsync; no term is ever spliced into SQL.
                sql.Append(i == 0 ? "(" : ", (").Append('{').Append(i * 2).Append("}, {").Append(i * 2 + 1).Append("})");
                parameters.Add(batch[i].Key);
                parameters.Add(batch[i].Value);
            }
            sql.Append(" ON CONFLICT (\"Term\") DO UPDATE SET \"DocumentCount\" = \"TermFrequencies\".\"DocumentCount\" + excluded.\"DocumentCount\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    // One JSON parameter for up to 400 terms: expanding them into as many SQL parameters costs
    // more in query processing than the lookups themselves.
    public static async Task<Dictionary<string, int>> ReadAsync(HeraldDbContext db, IReadOnlyCollection<string> terms, CancellationToken ct)
    {
        var keys = terms.Append(TermFrequency.ArticleCountKey).ToList();
        return await db.TermFrequencies.AsNoTracking().Where(f => EF.Parameter(keys).Contains(f.Term))
            .ToDictionaryAsync(f => f.Term, f => f.DocumentCount, ct);
    }
}