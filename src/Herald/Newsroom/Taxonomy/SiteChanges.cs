using Herald.Hosting;
using Herald.Site;

namespace Herald.Newsroom.Taxonomy;

/// <summary>
/// Sections, tags and settings show on every page (navigation, titles), so a change to them
/// refreshes the site snapshot and evicts every cached page.
/// </summary>
public sealed class SiteChanges(SiteState site, CacheEvictor evictor)
{
    public async Task AppliedAsync(CancellationToken ct)
    {
        site.Invalidate();
        await evictor.EvictAsync([CacheTags.Site], ct);
    }
}