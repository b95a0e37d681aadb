using Herald.Hosting;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Site;

/// <summary>What every page needs and that changes rarely: settings, the section list and the menus.</summary>
public sealed record SiteSnapshot(SiteSettings Settings, IReadOnlyList<SectionLink> Sections)
{
    /// <summary>The header and footer menus; none unless the newsroom or an import made them.</summary>
    public Menus.SiteMenus Menus { get; init; } = Site.Menus.SiteMenus.None;
}

public sealed record SectionLink(int Id, string Name, string Slug);

/// <summary>
/// Keeps the site snapshot in memory so that a page costs no query for it. Writes that change
/// settings or sections affect <see cref="CacheTags.Site"/>, which drops it here and, through the
/// invalidation journal, in every other Herald process; a short lifetime is the fallback.
/// </summary>
public sealed class SiteState(IServiceScopeFactory scopes, TimeProvider clock) : IInvalidationListener
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <summary>Counts invalidations: a load that began before one must not keep what it read.</summary>
    private long generation;
    private (SiteSnapshot Snapshot, DateTimeOffset LoadedAt)? current;

    public async ValueTask<SiteSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (current is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Snapshot;
        }
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
            {
                return fresh.Snapshot;
            }
            var before = Interlocked.Read(ref generation);
            var snapshot = await LoadAsync(ct);
            if (Interlocked.Read(ref generation) == before)
            {
                current = (snapshot, clock.GetUtcNow());
            }
            return snapshot;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    public void OnInvalidated(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(CacheTags.Site))
        {
            Invalidate();
        }
    }

    private async Task<SiteSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
        var sections = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new SectionLink(c.Id, c.Name, c.Slug))
            .ToListAsync(ct);
        var menus = await Menus.SiteMenus.LoadAsync(db, settings.TimeZone, clock.GetUtcNow().UtcDateTime, ct);
        return new SiteSnapshot(settings, sections) { Menus = menus };
    }
}