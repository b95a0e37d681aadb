using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Feeds;

/// <summary>Which articles a feed (or a sitemap page) lists: the whole site, or one section, tag or author.</summary>
public sealed record FeedScope(string Kind, string? Slug, string Title, string HtmlPath)
{
    public static readonly FeedScope Site = new("site", null, "", ArticleUrls.Home);

    public string FeedPath => Slug is null ? ArticleUrls.Feed : ArticleUrls.FeedOf(HtmlPath);

    /// <summary>Looks the section, tag or author up; null when it does not exist (the feed answers 404).</summary>
    public static async Task<FeedScope?> FindAsync(HeraldDbContext db, string kind, string slug, CancellationToken ct)
    {
        if (slug.Length > 200)
        {
            return null;
        }
        var name = kind switch
        {
            "category" => await db.Categories.Where(c => c.Slug == slug).Select(c => c.Name).FirstOrDefaultAsync(ct),
            "tag" => await db.Tags.Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct),
            "author" => await db.Authors.Where(a => a.Slug == slug).Select(a => a.Name).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return name is null ? null : new FeedScope(kind, slug, name, ArticleUrls.Archive(kind, slug));
    }

    public IQueryable<Article> Filter(IQueryable<Article> published) => Kind switch
    {
        "category" => published.Where(a => (a.PrimaryCategory != null && a.PrimaryCategory.Slug == Slug) || a.Categories.Any(c => c.Slug == Slug)),
        "tag" => published.Where(a => a.Tags.Any(t => t.Slug == Slug)),
        "author" => published.Where(a => a.Authors.Any(b => b.Author.Slug == Slug)),
        _ => published,
    };
}