using Herald.Hosting;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Redirects;

/// <summary>
/// Every old address the site redirects, held in memory as 64-bit hashes in one sorted array, so
/// that a request for an address that is not among them (a scanner asking for /wp-login.php, a
/// mistyped link) answers 404 without asking the database. Its size follows the number of
/// redirects (8 bytes each), never the number of addresses asked for: a flood of unique random
/// paths adds nothing to it.
/// </summary>
/// <remarks>
/// A hash found is only a "maybe" that the database then settles, so a collision or a redirect
/// removed since (an article purged from the trash takes its old addresses with it) costs one
/// query and answers correctly. Only an added redirect must reach the index: writes that add one
/// declare <see cref="CacheTags.LegacyRedirects"/>, which drops the index here and, through the
/// invalidation journal, in every other Herald process; <see cref="Lifetime"/> is the fallback for
/// a row written around Herald. Until the next load finishes every request asks the database, as
/// it did before the index existed.
/// </remarks>
public sealed class LegacyRedirectIndex(IServiceScopeFactory scopes, ILogger<LegacyRedirectIndex> log) : IInvalidationListener
{
    /// <summary>Beyond this many redirects (32 MB of hashes) the index is not kept and every 404 asks the database.</summary>
    public const int MaxPaths = 4_000_000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Counts invalidations: a load that began before one must not keep what it read.</summary>
    private long generation;
    private Snapshot? current;
    private int loading;

    /// <summary>The hashes held now; null while none are (not yet loaded, dropped, or too many redirects).</summary>
    public int? Count => Volatile.Read(ref current) is { Hashes: { } hashes } ? hashes.Length : null;

    /// <summary>
    /// False only when no redirect can have <paramref name="path"/> (in <see cref="LegacyPaths"/>'
    /// stored form); true when one may, or when the index is not loaded (then a load begins).
    /// </summary>
    public bool MayHave(string path)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is null || Environment.TickCount64 - snapshot.LoadedAt > Lifetime.TotalMilliseconds)
        {
            BeginLoading();
            return true;
        }
        return snapshot.Hashes is not { } hashes || Array.BinarySearch(hashes, Hash(path)) >= 0;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    public void OnInvalidated(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(CacheTags.LegacyRedirects) || tags.Contains(CacheTags.Site))
        {
            Invalidate();
        }
    }

    /// <summary>Reads every redirect's path and keeps their hashes, unless an invalidation came meanwhile. Public for tests.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        var before = Interlocked.Read(ref generation);
        var hashes = new List<ulong>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await foreach (var path in db.LegacyRedirects.AsNoTracking().Select(r => r.Path).AsAsyncEnumerable().WithCancellation(ct))
            {
                hashes.Add(Hash(path));
                if (hashes.Count > MaxPaths)
                {
                    break;
                }
            }
        }
        ulong[]? sorted = null;
        if (hashes.Count <= MaxPaths)
        {
            sorted = [.. hashes];
            Array.Sort(sorted);
        }
        else
        {
            log.LogWarning("More than {Max} old addresses redirect; each unknown address is looked up in the database.", MaxPaths);
        }
        if (Interlocked.Read(ref generation) == before)
        {
            Volatile.Write(ref current, new Snapshot(sorted, Environment.TickCount64));
        }
    }

    private void BeginLoading()
    {
        if (Interlocked.CompareExchange(ref loading, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // The database may be away, or the site stopping: requests keep asking it meanwhile.
                log.LogDebug(e, "Loading the old addresses failed; the next unknown address tries again.");
            }
            finally
            {
                Volatile.Write(ref loading, 0);
            }
        });
    }

    /// <summary>FNV-1a over the characters, then a final mix so that nearby paths spread over the whole range.</summary>
    public static ulong Hash(string path)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    /// <param name="Hashes">Sorted; null when there were too many redirects to keep.</param>
    /// <param name="LoadedAt">Environment.TickCount64 when loaded.</param>
    private sealed record Snapshot(ulong[]? Hashes, long LoadedAt);
}