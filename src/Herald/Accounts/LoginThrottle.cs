using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Herald.Accounts;

/// <summary>How many failed sign-ins are free, and how the wait grows after them.</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Failures from one client network (an IPv4 address, an IPv6 /64) before it must wait.</summary>
    public int FreeFailuresPerClient { get; set; } = 20;

    /// <summary>Failures for one account, from browsers it has not signed in on, before they must wait.</summary>
    public int FreeFailuresPerAccount { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it.</summary>
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A count with no new failure for this long starts again from zero.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Who is trying: the client's network, the account typed (known or not) and, if any, a browser that signed in to it before.</summary>
public sealed record LoginAttempt(string ClientNetwork, string AccountKey, string? TrustedDevice);

/// <summary>Must this attempt wait, how long, and why (the client network, the account or the browser).</summary>
public sealed record LoginWait(TimeSpan RetryAfter, string Scope);

/// <summary>
/// Failed sign-ins counted per client network, per account and per trusted browser, with a wait
/// that doubles after the free ones instead of a lock: an attacker slows only themselves and
/// the account for browsers that never signed in to it; a browser that did keeps its own count,
/// so the owner still gets in while their account is under attack. Unknown addresses are
/// counted exactly like known ones, so the throttle says nothing about which accounts exist.
/// The counts live in the distributed cache (memory by default, shared when several Herald
/// nodes use Redis); a count updated by two nodes at once may miss one failure, which a
/// doubling wait absorbs.
/// </summary>
public sealed class LoginThrottle(IDistributedCache cache, IOptions<LoginThrottleOptions> settings, TimeProvider clock)
{
    public const string ClientScope = "client";
    public const string AccountScope = "account";
    public const string DeviceScope = "device";

    public async Task<LoginWait?> WaitAsync(LoginAttempt attempt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wait = Remaining(await ReadAsync(ClientScope, attempt.ClientNetwork, ct), now, ClientScope);
        var (scope, key) = Personal(attempt);
        var personal = Remaining(await ReadAsync(scope, key, ct), now, scope);
        return wait is null ? personal : personal is null || wait.RetryAfter >= personal.RetryAfter ? wait : personal;
    }

    public async Task FailedAsync(LoginAttempt attempt, CancellationToken ct)
    {
        var options = settings.Value;
        await CountAsync(ClientScope, attempt.ClientNetwork, options.FreeFailuresPerClient, ct);
        var (scope, key) = Personal(attempt);
        await CountAsync(scope, key, options.FreeFailuresPerAccount, ct);
    }

    /// <summary>A browser that signs in starts its own count afresh; the client's and the account's go on.</summary>
    public Task SucceededAsync(string device, CancellationToken ct) => cache.RemoveAsync(Key(DeviceScope, device), ct);

    private static (string Scope, string Key) Personal(LoginAttempt attempt) =>
        attempt.TrustedDevice is { } device ? (DeviceScope, device) : (AccountScope, attempt.AccountKey);

    private static LoginWait? Remaining(Count count, DateTimeOffset now, string scope) =>
        count.BlockedUntil > now ? new LoginWait(count.BlockedUntil - now, scope) : null;

    private async Task CountAsync(string scope, string key, int free, CancellationToken ct)
    {
        var options = settings.Value;
        var now = clock.GetUtcNow();
        var count = await ReadAsync(scope, key, ct);
        var failures = count.Failures + 1;
        var blockedUntil = count.BlockedUntil;
        if (failures > free)
        {
            var doublings = Math.Min(failures - free - 1, 30);
            var wait = TimeSpan.FromTicks(Math.Min(options.LongestWait.Ticks, options.FirstWait.Ticks * (1L << doublings)));
            blockedUntil = now + wait;
        }
        await cache.SetStringAsync(Key(scope, key),
            string.Create(CultureInfo.InvariantCulture, $"{failures} {blockedUntil.UtcTicks}"),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.ForgetAfter + options.LongestWait }, ct);
    }

    private async Task<Count> ReadAsync(string scope, string key, CancellationToken ct)
    {
        var text = await cache.GetStringAsync(Key(scope, key), ct);
        var parts = text?.Split(' ');
        return parts is [var failures, var until]
            && int.TryParse(failures, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            && long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
            ? new Count(f, new DateTimeOffset(u, TimeSpan.Zero))
            : new Count(0, DateTimeOffset.MinValue);
    }

    private static string Key(string scope, string key) => $"herald:login:{scope}:{key}";

    private readonly record struct Count(int Failures, DateTimeOffset BlockedUntil);
}