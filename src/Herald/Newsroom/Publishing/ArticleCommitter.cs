using Herald.Articles;
using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>
/// The last step of every article write: one transaction holding the change and what every
/// <see cref="IArticleChangeHandler"/> does about it, then — only once that is committed —
/// eviction of the cached pages that showed the article before or show it now.
/// </summary>
public sealed class ArticleCommitter(HeraldDbContext db, IEnumerable<IArticleChangeHandler> handlers, CacheEvictor evictor, SiteState site)
{
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => (await site.GetAsync(ct)).Settings.TimeZone;

    /// <summary>The pages showing the article as it is now; empty when readers cannot see it.</summary>
    public static IReadOnlyCollection<string> PublicTags(Article article, TimeZoneInfo zone, DateTime now) =>
        article.Status == ArticleStatus.Published && article.PublishedAt <= now
            ? CacheTags.AffectedBy(article, zone).ToList()
            : [];

    public async Task CommitAsync(Article article, ArticleChangeKind kind, IReadOnlyCollection<string> previousTags,
        IReadOnlyCollection<string> currentTags, CancellationToken ct)
    {
        var change = new ArticleChange(article, kind, previousTags);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var handler in handlers)
            {
                await handler.OnArticleChangedAsync(change, ct);
            }
            // Handlers may have changed tracked data of their own.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        Hosting.Telemetry.HeraldMetrics.Published(kind, "newsroom");
        await EvictAsync(previousTags.Concat(currentTags).Concat(change.AlsoEvict), ct);
    }

    /// <summary>
    /// Eviction must not undo a committed write: were the cache store unreachable, the pages
    /// expire on their own within the policy's lifetime.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        var all = tags.ToList();
        if (all.Count > 0)
        {
            await evictor.EvictAsync(all, ct);
        }
    }
}