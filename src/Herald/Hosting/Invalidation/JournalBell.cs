using StackExchange.Redis;

namespace Herald.Hosting.Invalidation;

/// <summary>
/// Wakes the <see cref="JournalFollower"/> of every node as soon as a write has committed its
/// journal row, so a change made on one node shows on the others in milliseconds rather than at
/// the next poll (which, on a busy machine, may come late). With Redis (--redis) the ring is a
/// message on a Redis channel; without it there is nobody to wake and the follower just polls.
/// </summary>
/// <remarks>
/// The ring carries nothing: the journal stays the one record of what changed, and a lost ring
/// (Redis away, a message dropped) costs only the wait until the next poll.
/// </remarks>
/// <param name="redis">The shared Redis connection; registered only with --redis, so null without it.</param>
public sealed class JournalBell(ILogger<JournalBell> log, IConnectionMultiplexer? redis = null)
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("herald:journal");
    private readonly SemaphoreSlim rung = new(0, 1);
    private bool listening;

    /// <summary>Tells every node (this one too) that the journal has a new row.</summary>
    public void Ring()
    {
        if (redis is null)
        {
            return;
        }
        try
        {
            // Fire and forget: the writer has committed and must not wait on, or fail because of, Redis.
            redis.GetSubscriber().Publish(Channel, RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            log.LogDebug(e, "Ringing the journal bell failed; other nodes see the write at their next poll.");
        }
    }

    /// <summary>
    /// Waits until the bell rings or <paramref name="timeout"/> passes. Listens on Redis from the
    /// first wait on; a failed subscription is tried again at the next wait.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await ListenAsync();
        await rung.WaitAsync(timeout, ct);
    }

    private async Task ListenAsync()
    {
        if (redis is null || listening)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => Wake());
            listening = true;
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            log.LogDebug(e, "Listening for the journal bell failed; polling until Redis answers.");
        }
    }

    private void Wake()
    {
        try
        {
            rung.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already rung and not yet heard: one wake-up reads every row written meanwhile.
        }
    }
}