using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Herald.Hosting.Redis;

/// <summary>
/// One connection to Redis per process (--redis), shared by everything nodes count or keep
/// together there: the output cache, the sign-in throttle's counts (the distributed cache) and
/// the comment rate limit, and asked by the readiness check. It connects in the background and
/// again after Redis returns, so a node starts, and recovers, while Redis is away.
/// </summary>
public static class SharedRedis
{
    public static IServiceCollection AddHeraldRedis(this IServiceCollection services, string configuration)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => Connect(configuration));
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((o, provider) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()));
        // Replaces the in-memory distributed cache the sign-in throttle counts in, so every node sees every failure.
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((o, provider) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }

    private static ConnectionMultiplexer Connect(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false; // Start even while Redis is down; readiness says so.
        settings.ConnectTimeout = 2000;
        settings.SyncTimeout = 2000;
        settings.AsyncTimeout = 2000;
        settings.ReconnectRetryPolicy = new LinearRetry(1000);
        return ConnectionMultiplexer.Connect(settings);
    }
}