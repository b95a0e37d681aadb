using Microsoft.EntityFrameworkCore;

namespace Herald.Articles;

/// <summary>
/// The related rows loaded with an article, named once: what a page, a feed entry or the cache
/// tags of an article need (<see cref="WithShownParts"/>), and what a write touches as well
/// (<see cref="WithWrittenParts"/>). Split queries, so a byline of ten and thirty tags cost no
/// cartesian product.
/// </summary>
public static class ArticleGraph
{
    /// <summary>Byline (in order, with each author), primary section, sections, tags and correction notes.</summary>
    public static IQueryable<Article> WithShownParts(this IQueryable<Article> articles) => articles
        .Include(a => a.Authors.OrderBy(b => b.Position)).ThenInclude(b => b.Author)
        .Include(a => a.PrimaryCategory)
        .Include(a => a.Categories)
        .Include(a => a.Tags)
        .Include(a => a.Notes.OrderBy(n => n.AddedAt))
        .AsSplitQuery();

    /// <summary>Everything a write changes and every cache tag needs, for a tracked article.</summary>
    public static IQueryable<Article> WithWrittenParts(this IQueryable<Article> articles) => articles
        .Include(a => a.Authors).ThenInclude(b => b.Author)
        .Include(a => a.PrimaryCategory)
        .Include(a => a.Categories)
        .Include(a => a.Tags)
        .Include(a => a.OldSlugs)
        .AsSplitQuery();

    /// <summary>The byline alone (in order, with each author): a standing page shows it, and it decides who may edit an article.</summary>
    public static IQueryable<Article> WithByline(this IQueryable<Article> articles) => articles
        .Include(a => a.Authors.OrderBy(b => b.Position)).ThenInclude(b => b.Author);
}