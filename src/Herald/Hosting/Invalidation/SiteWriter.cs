using Herald.Storage;

namespace Herald.Hosting.Invalidation;

/// <summary>
/// The one way Herald commits a write that readers may see. The write declares what it affects
/// (cache tags, on the <see cref="InvalidationSet"/> it is handed); the writer commits the data
/// and a journal row naming those tags in one transaction, and only then evicts them here. Other
/// processes learn of the write from the journal (<see cref="JournalFollower"/>), woken by the
/// <see cref="JournalBell"/> the writer rings after its commit.
/// </summary>
public sealed class SiteWriter(HeraldDbContext db, JournalFollower follower, JournalBell bell, CacheEvictor evictor, TimeProvider clock, ILogger<SiteWriter> log)
{
    /// <summary>Saves what the context tracks as one write affecting <paramref name="affects"/>.</summary>
    public Task SaveChangesAsync(IEnumerable<string> affects, CancellationToken ct) =>
        CommitAsync((tags, _) =>
        {
            tags.AddRange(affects);
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Runs <paramref name="write"/> in a new transaction, saves what the context still tracks,
    /// appends the journal row and commits; then evicts the declared tags — here at once, or, when
    /// <paramref name="evictLater"/> is given (a bulk writer committing many transactions), into it
    /// for the caller to evict once at the end.
    /// </summary>
    public async Task CommitAsync(Func<InvalidationSet, CancellationToken, Task> write, CancellationToken ct, InvalidationSet? evictLater = null) =>
        await CommitAsync<bool>(async (tags, token) =>
        {
            await write(tags, token);
            return true;
        }, ct, evictLater);

    public async Task<T> CommitAsync<T>(Func<InvalidationSet, CancellationToken, Task<T>> write, CancellationToken ct, InvalidationSet? evictLater = null)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // The journal row and the eviction belong to the outermost commit; a nested one would evict too early.
            throw new InvalidOperationException("A site write was started inside another transaction; pass the outer write's InvalidationSet down instead.");
        }
        var tags = new InvalidationSet();
        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            result = await write(tags, ct);
            var entry = tags.IsEmpty ? null : new CacheInvalidation { WrittenAt = clock.GetUtcNow().UtcDateTime, Tags = tags.Serialize() };
            if (entry is not null)
            {
                db.Add(entry);
            }
            // What the write left unsaved goes with its journal row.
            await db.SaveChangesAsync(ct);
            if (entry is not null)
            {
                db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                follower.AppliedHere(entry.Id);
            }
            await transaction.CommitAsync(ct);
            if (entry is not null)
            {
                bell.Ring();
            }
        }
        if (evictLater is not null)
        {
            evictLater.AddRange(tags.Tags);
        }
        else
        {
            await EvictAsync(tags, ct);
        }
        return result;
    }

    /// <summary>
    /// Evicts after a commit. Eviction must not turn a committed write into an error: were the cache
    /// store unreachable, the pages expire on their own within their policy's lifetime.
    /// </summary>
    public async Task EvictAsync(InvalidationSet tags, CancellationToken ct)
    {
        try
        {
            await evictor.EvictAsync(tags.Tags, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Evicting {Tags} after a write failed; those pages expire on their own.", tags.Serialize());
        }
    }
}