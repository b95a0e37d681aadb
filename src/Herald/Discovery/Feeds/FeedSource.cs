using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Feeds;

/// <summary>
/// Which articles a feed lists: the whole site, or one section, tag or author (<see cref="Archive"/>:
/// its kind and id in the archive index).
/// </summary>
public sealed record FeedScope(string Kind, string? Slug, string Title, string HtmlPath, (ArchiveKind Kind, int Id)? Archive = null)
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
        var found = kind switch
        {
            "category" => await db.Categories.Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name, Kind = ArchiveKind.Section }).FirstOrDefaultAsync(ct),
            "tag" => await db.Tags.Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name, Kind = ArchiveKind.Tag }).FirstOrDefaultAsync(ct),
            "author" => await db.Authors.Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name, Kind = ArchiveKind.Author }).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return found is null ? null : new FeedScope(kind, slug, found.Name, ArticleUrls.Archive(kind, slug), (found.Kind, found.Id));
    }

    /// <summary>
    /// The newest <paramref name="count"/> stories of the scope. A section, tag or author reads its
    /// newest ids from the archive index (an index range, however few stories it holds), where
    /// walking the stories newest first would read the whole archive for a rarely used tag.
    /// </summary>
    public IQueryable<Article> Newest(ArticleQueries articles, int count)
    {
        var published = articles.Published();
        if (Archive is { } archive)
        {
            var ids = articles.PublicEntries(archive.Kind).Where(e => e.OwnerId == archive.Id)
                .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.ArticleId)
                .Take(count).Select(e => e.ArticleId);
            published = published.Where(a => ids.Contains(a.Id));
        }
        return published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count);
    }
}