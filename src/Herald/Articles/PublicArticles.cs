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

    /// <summary>
    /// A query written for <c>EF.CompileAsyncQuery</c>, made translatable: each <see cref="WherePublic"/> in it
    /// becomes the rule itself over the query's own time parameter, and each static expression field it names
    /// (a card projection, say) is put in as the lambda it holds. EF Core cannot look into either when it
    /// compiles the query once, and spelling the rule out there would make a second definition of it.
    /// </summary>
    public static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Inliner().Visit(query);

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(PublicArticles) || node.Method.Name != nameof(WherePublic))
            {
                return base.VisitMethodCall(node);
            }
            var source = Visit(node.Arguments[0]);
            var rule = At(default);
            // At's time is a captured variable; here it becomes the compiled query's own parameter.
            var body = new CapturedTime(Visit(node.Arguments[1])).Visit(rule.Body);
            var where = new Func<IQueryable<Article>, Expression<Func<Article, bool>>, IQueryable<Article>>(Queryable.Where).Method;
            return Expression.Call(where, source, Expression.Quote(Expression.Lambda<Func<Article, bool>>(body, rule.Parameters)));
        }

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is null && node.Member is System.Reflection.FieldInfo { IsStatic: true } field
                && typeof(LambdaExpression).IsAssignableFrom(field.FieldType)
                ? Expression.Quote((LambdaExpression)field.GetValue(null)!)
                : base.VisitMember(node);
    }

    private sealed class CapturedTime(Expression time) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Type == typeof(DateTime) && node.Expression is ConstantExpression ? time : base.VisitMember(node);
    }
}