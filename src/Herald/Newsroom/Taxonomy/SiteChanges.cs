using Herald.Hosting;
using Herald.Hosting.Invalidation;

namespace Herald.Newsroom.Taxonomy;

/// <summary>
/// Sections, tags and settings show on every page (navigation, titles), so a change to them is
/// saved as a write affecting the whole site: every cached page and the site snapshot go, in
/// every Herald process.
/// </summary>
public sealed class SiteChanges(SiteWriter writer)
{
    public Task SaveAsync(CancellationToken ct) => writer.SaveChangesAsync([CacheTags.Site], ct);
}