using System.Data.Common;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Discovery.Search;

/// <summary>
/// The SQL both engines share: the published-only filter and the reader's filters, with
/// double-quoted identifiers (valid in SQLite and PostgreSQL) and every value a parameter.
/// </summary>
internal static class SearchCommand
{
    /// <summary>
    /// At most this many of the newest matches are ranked (and counted): a word in most articles
    /// would otherwise cost a ranking of the whole archive. Readers who need older stories narrow
    /// the query or the dates.
    /// </summary>
    public const int MaxRanked = 5000;

    /// <summary>
    /// Word queries consider only the newest this many matches. Ranking reads each match's
    /// statistics (bm25's column sizes and hit positions in SQLite, the stored vector in
    /// PostgreSQL), so a common word costs in proportion to the window (bench/discovery/RESULTS.md).
    /// Phrase queries keep <see cref="MaxRanked"/>: a phrase of common words is rare, and its
    /// matches may lie further back.
    /// </summary>
    public const int WordWindow = 2000;

    /// <summary>How many of the newest matches <paramref name="query"/> considers: see <see cref="WordWindow"/>.</summary>
    public static int WindowOf(SearchQuery query) => query.Phrases.Count > 0 ? MaxRanked : WordWindow;

    /// <summary>
    /// The reader's filters, after <see cref="Articles.PublicArticles"/>'s rule written out (search
    /// finds stories and standing pages alike); PublishedRuleTests hold the two together.
    /// </summary>
    public const string ResultFilter = """
        a."Status" = 'Published' AND a."PublishedAt" <= @now
        AND (@category IS NULL OR a."PrimaryCategoryId" = (SELECT c."Id" FROM "Categories" c WHERE c."Slug" = @category)
             OR EXISTS (SELECT 1 FROM "ArticleCategories" ac JOIN "Categories" c ON c."Id" = ac."CategoriesId"
                        WHERE ac."ArticlesId" = a."Id" AND c."Slug" = @category))
        AND (@author IS NULL OR EXISTS (SELECT 1 FROM "ArticleAuthor" b JOIN "Authors" au ON au."Id" = b."AuthorId"
                                        WHERE b."ArticleId" = a."Id" AND au."Slug" = @author))
        AND (@from IS NULL OR a."PublishedAt" >= @from)
        AND (@to IS NULL OR a."PublishedAt" < @to)
        """;

    public static async Task<DbCommand> CreateAsync(HeraldDbContext db, string sql, SearchRequest request, DateTime now, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(command, "now", now);
        Add(command, "category", request.CategorySlug);
        Add(command, "author", request.AuthorSlug);
        Add(command, "from", request.FromUtc);
        Add(command, "to", request.ToUtc);
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            // An untyped NULL is ambiguous to PostgreSQL in "@x IS NULL"; say it is text or a time.
            parameter.DbType = name is "from" or "to" ? System.Data.DbType.DateTime : System.Data.DbType.String;
        }
        command.Parameters.Add(parameter);
    }
}