using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments;

/// <summary>
/// How a change to comments is saved: with the approved-comment count of each article whose
/// approved comments changed, in one write that evicts exactly the cached pages showing the
/// comment or the count.
/// </summary>
public sealed class CommentPublishing(HeraldDbContext db, SiteWriter writer, SiteState site)
{
    /// <summary>
    /// Saves what the context tracks (a new or moderated comment) as one write. The count is kept
    /// here rather than through the article pipeline: it is moderation's number, and no article
    /// change handler has anything to do about it.
    /// </summary>
    public Task SaveAsync(IEnumerable<int> articlesWithApprovedChanges, CancellationToken ct) =>
        writer.CommitAsync(async (tags, token) =>
        {
            await db.SaveChangesAsync(token);
            var ids = articlesWithApprovedChanges.Distinct().ToList();
            if (ids.Count == 0)
            {
                return;
            }
            await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(set => set.SetProperty(
                a => a.CommentCount,
                a => db.Comments.Count(c => c.ArticleId == a.Id && c.Status == ModerationStatus.Approved)), token);

            var articles = await db.Articles.AsNoTracking().WithShownParts().Where(a => ids.Contains(a.Id)).ToListAsync(token);
            var zone = (await site.GetAsync(token)).Settings.TimeZone;
            tags.AddRange(articles.SelectMany(a => CacheTags.AffectedBy(a, zone)));
            tags.Add(CacheTags.CommentsFeed);
        }, ct);

    /// <summary>Open when the article allows comments and the automatic closing day has not passed.</summary>
    public static bool AreOpen(Article article, CommentOptions options, DateTime nowUtc) =>
        article.CommentStatus == CommentStatus.Open
        && (options.CloseAfterDays <= 0 || article.PublishedAt is not { } published || published.AddDays(options.CloseAfterDays) > nowUtc);
}