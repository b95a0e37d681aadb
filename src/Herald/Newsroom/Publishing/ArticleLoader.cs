using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

public static class ArticleLoader
{
    /// <summary>An article with everything a write touches and every cache tag needs, tracked.</summary>
    public static Task<Article?> LoadForWriteAsync(this HeraldDbContext db, int id, CancellationToken ct) =>
        db.Articles
            .Include(a => a.Authors).ThenInclude(b => b.Author)
            .Include(a => a.PrimaryCategory)
            .Include(a => a.Categories)
            .Include(a => a.Tags)
            .Include(a => a.OldSlugs)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
}