using Herald.Articles;
using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments;

/// <summary>
/// What follows any change to the approved comments of an article: its count is recomputed
/// and exactly the cached pages that show the comment or the count are evicted.
/// </summary>
public sealed class CommentPublishing(HeraldDbContext db, CacheEvictor evictor, SiteState site)
{
    /// <summary>The site-wide comments feed.</summary>
    public const string CommentsFeedTag = "comments";

    public async Task ApprovedCommentsChangedAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        var ids = articleIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(set => set.SetProperty(
            a => a.CommentCount,
            a => db.Comments.Count(c => c.ArticleId == a.Id && c.Status == ModerationStatus.Approved)), ct);

        var articles = await db.Articles.AsNoTracking()
            .Include(a => a.Authors).ThenInclude(b => b.Author)
            .Include(a => a.PrimaryCategory)
            .Include(a => a.Categories)
            .Include(a => a.Tags)
            .AsSplitQuery()
            .Where(a => ids.Contains(a.Id))
            .ToListAsync(ct);
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var tags = articles.SelectMany(a => CacheTags.AffectedBy(a, zone)).Append(CommentsFeedTag);
        await evictor.EvictAsync(tags, ct);
    }

    /// <summary>Open when the article allows comments and the automatic closing day has not passed.</summary>
    public static bool AreOpen(Article article, CommentOptions options, DateTime nowUtc) =>
        article.CommentStatus == CommentStatus.Open
        && (options.CloseAfterDays <= 0 || article.PublishedAt is not { } published || published.AddDays(options.CloseAfterDays) > nowUtc);
}