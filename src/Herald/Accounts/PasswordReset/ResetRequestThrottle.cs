using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Herald.Accounts.PasswordReset;

public sealed class ResetRequestThrottleOptions
{
    /// <summary>Requests from one client network (an IPv4 address, an IPv6 /64) per window.</summary>
    public int PerClient { get; set; } = 10;

    /// <summary>Requests for one address typed, whether or not an account has it, per window.</summary>
    public int PerAddress { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Must a reset request wait, how long, and because of whom ("client" or "address").</summary>
public sealed record ResetWait(TimeSpan RetryAfter, string Scope);

/// <summary>
/// Counts "forgot your password" requests per client network and per address typed, in a fixed
/// window, in the distributed cache (shared when several nodes use Redis). Every request counts,
/// answered or not, known address or not: the limit is what keeps the form from being a way to
/// flood someone's mailbox, and it says nothing about which accounts exist.
/// </summary>
public sealed class ResetRequestThrottle(IDistributedCache cache, IOptions<ResetRequestThrottleOptions> settings, TimeProvider clock)
{
    public const string ClientScope = "client";
    public const string AddressScope = "address";

    /// <summary>Counts the request; returns the wait when it is one too many.</summary>
    public async Task<ResetWait?> CountAsync(string clientNetwork, string accountKey, CancellationToken ct)
    {
        var options = settings.Value;
        // Both counts go up either way, so a client that keeps asking cannot reset its own window.
        var client = await CountAsync(ClientScope, clientNetwork, options.PerClient, ct);
        var address = await CountAsync(AddressScope, accountKey, options.PerAddress, ct);
        return client ?? address;
    }

    private async Task<ResetWait?> CountAsync(string scope, string key, int allowed, CancellationToken ct)
    {
        var options = settings.Value;
        var now = clock.GetUtcNow();
        var cacheKey = $"herald:reset:{scope}:{key}";
        var (count, started) = Parse(await cache.GetStringAsync(cacheKey, ct));
        if (started + options.Window <= now)
        {
            (count, started) = (0, now);
        }
        count++;
        await cache.SetStringAsync(cacheKey,
            string.Create(CultureInfo.InvariantCulture, $"{count} {started.UtcTicks}"),
            new DistributedCacheEntryOptions { AbsoluteExpiration = started + options.Window }, ct);
        return count > allowed ? new ResetWait(started + options.Window - now, scope) : null;
    }

    private static (int Count, DateTimeOffset Started) Parse(string? text) =>
        text?.Split(' ') is [var count, var started]
        && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
        && long.TryParse(started, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? (c, new DateTimeOffset(s, TimeSpan.Zero))
            : (0, DateTimeOffset.MinValue);
}