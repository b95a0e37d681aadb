using Herald.Hosting;
using Herald.Site;
using Herald.Storage;

namespace Herald.Newsroom.Taxonomy;

/// <summary>
/// Sections, tags and settings show on every page (navigation, titles), so a change to them
/// refreshes the site snapshot and evicts every cached page.
/// </summary>
public sealed class SiteChanges(HeraldDbContext db, SiteState site, CacheEvictor evictor)
{
    /// <summary>Saves the pending change, then refreshes what every page shows.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        site.Invalidate();
        await evictor.EvictAsync([CacheTags.Site], ct);
    }
}