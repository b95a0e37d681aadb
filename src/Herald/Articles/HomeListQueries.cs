using System.Linq.Expressions;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles;

/// <summary>
/// The home page's list as compiled queries: its shape never changes, so EF Core turns it into SQL
/// once, where a LINQ query walks and hashes its whole expression tree (the card projection
/// included) on every request to find its cached SQL: a fifth of the home page's CPU in a profile
/// (bench/RESULTS.md). Cards read from SQLite keep their byline in a second statement, as
/// <see cref="CardQueries.SplitOnSqlite"/> says, so each list has a SQLite and a PostgreSQL form.
/// </summary>
internal static class HomeListQueries
{
    private static readonly Expression<Func<HeraldDbContext, DateTime, int, IQueryable<ArticleSummary>>> StickyCards =
        PublicArticles.Inline<Func<HeraldDbContext, DateTime, int, IQueryable<ArticleSummary>>>((db, now, take) =>
            db.Articles.AsNoTracking().WherePublic(now).Where(a => a.Kind == ArticleKind.Story && a.IsSticky)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
                .Select(ArticleQueries.ToSummary));

    private static readonly Expression<Func<HeraldDbContext, DateTime, int, int, IQueryable<ArticleSummary>>> NotStickyCards =
        PublicArticles.Inline<Func<HeraldDbContext, DateTime, int, int, IQueryable<ArticleSummary>>>((db, now, skip, take) =>
            db.Articles.AsNoTracking().WherePublic(now).Where(a => a.Kind == ArticleKind.Story && !a.IsSticky)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take)
                .Select(ArticleQueries.ToSummary));

    /// <summary>
    /// Each engine has its own compiled queries: one compiled query keeps the executor it built for the first
    /// context it ran on, so a process holding both engines (the tests) must not share them.
    /// </summary>
    private static readonly Compiled OnSqlite = new(split: true);
    private static readonly Compiled OnPostgres = new(split: false);

    /// <summary>The newest sticky stories, <paramref name="take"/> at most.</summary>
    public static Task<List<ArticleSummary>> StickyAsync(HeraldDbContext db, DateTime now, int take, CancellationToken ct) =>
        For(db).Sticky(db, now, take).ToListAsync(ct).AsTask();

    /// <summary>The stories not sticky, newest first.</summary>
    public static Task<List<ArticleSummary>> NotStickyAsync(HeraldDbContext db, DateTime now, int skip, int take, CancellationToken ct) =>
        For(db).NotSticky(db, now, skip, take).ToListAsync(ct).AsTask();

    /// <summary>How many stories a reader may see.</summary>
    public static Task<int> CountAsync(HeraldDbContext db, DateTime now) => For(db).Count(db, now);

    private static Compiled For(HeraldDbContext db) => db.Database.IsSqlite() ? OnSqlite : OnPostgres;

    private sealed class Compiled(bool split)
    {
        public readonly Func<HeraldDbContext, DateTime, int, IAsyncEnumerable<ArticleSummary>> Sticky =
            EF.CompileAsyncQuery(split ? Split(StickyCards) : StickyCards);

        public readonly Func<HeraldDbContext, DateTime, int, int, IAsyncEnumerable<ArticleSummary>> NotSticky =
            EF.CompileAsyncQuery(split ? Split(NotStickyCards) : NotStickyCards);

        public readonly Func<HeraldDbContext, DateTime, Task<int>> Count =
            EF.CompileAsyncQuery(PublicArticles.Inline<Func<HeraldDbContext, DateTime, int>>((db, now) =>
                db.Articles.WherePublic(now).Count(a => a.Kind == ArticleKind.Story)));
    }

    /// <summary>The same card query with its bylines read in a second statement (the SQLite form).</summary>
    private static Expression<TDelegate> Split<TDelegate>(Expression<TDelegate> query)
    {
        var split = new Func<IQueryable<ArticleSummary>, IQueryable<ArticleSummary>>(RelationalQueryableExtensions.AsSplitQuery).Method;
        return Expression.Lambda<TDelegate>(Expression.Call(split, query.Body), query.Parameters);
    }
}