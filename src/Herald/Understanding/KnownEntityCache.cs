using Herald.Hosting;
using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding;

/// <summary>
/// The names the site already knows, handed to the analyzer so that "Solberg" in a new article
/// is the Ingrid Solberg of earlier ones. Those an editor confirmed, then the most-mentioned only, so that the cost of
/// analysing one article does not grow with the archive; refreshed after analyses add names.
/// </summary>
public sealed class KnownEntityCache(IServiceScopeFactory scopes) : IInvalidationListener
{
    public const int MaxKnown = 5_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <summary>Counts invalidations: a load that began before one must not keep what it read.</summary>
    private long generation;
    private (IReadOnlyList<KnownEntity> Entities, DateTime LoadedAt)? current;

    public async Task<IReadOnlyList<KnownEntity>> GetAsync(CancellationToken ct)
    {
        if (current is { } cached && DateTime.UtcNow - cached.LoadedAt < Lifetime)
        {
            return cached.Entities;
        }
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } fresh && DateTime.UtcNow - fresh.LoadedAt < Lifetime)
            {
                return fresh.Entities;
            }
            var before = Interlocked.Read(ref generation);
            var entities = await LoadAsync(ct);
            if (Interlocked.Read(ref generation) == before)
            {
                current = (entities, DateTime.UtcNow);
            }
            return entities;
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

    /// <summary>Analyses that stored new names, here or in another process, declare <see cref="CacheTags.KnownEntities"/>.</summary>
    public void OnInvalidated(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(CacheTags.KnownEntities) || tags.Contains(CacheTags.Site))
        {
            Invalidate();
        }
    }

    private async Task<IReadOnlyList<KnownEntity>> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), ct);
    }

    /// <summary>The most-mentioned names as <paramref name="db"/> sees them (its own uncommitted ones included).</summary>
    public static async Task<IReadOnlyList<KnownEntity>> LoadAsync(HeraldDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<NamedEntity>().AsNoTracking()
            .OrderByDescending(e => e.Review == EntityReview.Confirmed)
            .ThenByDescending(e => db.Set<EntityMention>().Count(m => m.EntityId == e.Id))
            // Ties oldest first: the order decides which entity a name shared by two resolves to, so it must not vary.
            .ThenBy(e => e.Id)
            .Take(MaxKnown)
            .Select(e => new { e.Name, e.Type, e.Review, Aliases = e.Aliases.Select(a => a.Name).ToList() })
            .AsSplitQuery()
            .ToListAsync(ct);
        // A name an editor confirmed (its type included) is taken as certain by every later analysis.
        return rows.Select(r => new KnownEntity(r.Name, r.Type, r.Aliases, r.Review == EntityReview.Confirmed)).ToList();
    }
}