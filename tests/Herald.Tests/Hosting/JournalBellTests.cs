using System.Diagnostics;
using Herald.Hosting.Invalidation;
using Herald.Hosting.Redis;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// The journal bell wakes other processes' journal followers through Redis as soon as a write
/// commits, instead of leaving them to their next poll; without Redis it is silent and the
/// follower polls.
/// </summary>
public sealed class JournalBellTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_ring_on_one_node_wakes_a_follower_waiting_on_another_long_before_its_poll()
    {
        using var redis = await RedisServer.StartAsync();
        await using var writerNode = Node(redis.Configuration);
        await using var readerNode = Node(redis.Configuration);
        var writer = writerNode.GetRequiredService<JournalBell>();
        var reader = readerNode.GetRequiredService<JournalBell>();
        await reader.WaitAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None); // subscribes

        var clock = Stopwatch.StartNew();
        var waiting = reader.WaitAsync(LongWait, CancellationToken.None);
        writer.Ring();
        await waiting;

        Assert.True(clock.Elapsed < LongWait / 3, $"the follower woke after {clock.Elapsed.TotalSeconds:0.0} s, as if by its poll");
    }

    [Fact]
    public async Task Without_redis_ringing_does_nothing_and_the_follower_waits_for_its_poll()
    {
        await using var node = Node(redis: null);
        var bell = node.GetRequiredService<JournalBell>();

        bell.Ring();
        var clock = Stopwatch.StartNew();
        await bell.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250));
    }

    private static ServiceProvider Node(string? redis)
    {
        var services = new ServiceCollection().AddLogging();
        if (redis is not null)
        {
            services.AddHeraldRedis(redis);
        }
        services.AddSingleton<JournalBell>();
        return services.BuildServiceProvider();
    }
}