using System.Linq.Expressions;

namespace Herald.Articles;

/// <summary>
/// What counts as a public article — one a reader may see: published, and its publication time
/// has come. The one definition of the rule; queries compose it, in-memory checks call it, and the
/// two raw SQL statements that must spell it out (sitemaps, search) say so and are pinned to it by
/// tests (<c>PublishedRuleTests</c>).
/// </summary>
public static class PublicArticles
{
    /// <summary>The rule as a query predicate.</summary>
    public static Expression<Func<Article, bool>> At(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc;

    /// <summary>The rule for a tracked or loaded article.</summary>
    public static bool IsPublic(Article article, DateTime nowUtc) =>
        article.Status == ArticleStatus.Published && article.PublishedAt <= nowUtc;

    public static IQueryable<Article> WherePublic(this IQueryable<Article> articles, DateTime nowUtc) => articles.Where(At(nowUtc));

    /// <summary>
    /// The rule applied through a path to an article (a comment's article, say), for queries whose
    /// rows are not articles: <c>comments.Where(PublicArticles.Through&lt;Comment&gt;(c =&gt; c.Article, now))</c>.
    /// </summary>
    public static Expression<Func<T, bool>> Through<T>(Expression<Func<T, Article>> path, DateTime nowUtc)
    {
        var rule = At(nowUtc);
        var body = new Substitute(rule.Parameters[0], path.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, path.Parameters);
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}