using Herald.Articles;

namespace Herald.Newsroom.Editor;

/// <summary>A row in the newsroom's article lists.</summary>
public sealed record ArticleRow(int Id, string Headline, ArticleStatus Status, DateTime? PublishedAt, DateTime? EditedAt, IReadOnlyList<string> Authors)
{
    public static readonly System.Linq.Expressions.Expression<Func<Article, ArticleRow>> From = a => new ArticleRow(
        a.Id, a.Headline, a.Status, a.PublishedAt, a.EditedAt ?? a.CreatedAt,
        a.Authors.OrderBy(b => b.Position).Select(b => b.Author.Name).ToList());

    public string Title => Headline.Length > 0 ? Headline : "(no headline yet)";
}