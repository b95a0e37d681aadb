using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Herald.Comments;

/// <summary>
/// The limiter of one client network's comment posts: a sliding window in this process, or, when
/// the site has Redis (several nodes), the same window kept in Redis so that every node counts
/// the same posts. Should Redis stop answering, the node counts alone until it returns rather
/// than refusing every comment.
/// </summary>
internal static class CommentRateLimit
{
    public const int Segments = 6;

    public static RateLimitPartition<string> For(string network, CommentOptions options, IConnectionMultiplexer? redis)
    {
        if (redis is null)
        {
            return RateLimitPartition.GetSlidingWindowLimiter(network, _ => Local(options));
        }
        return RateLimitPartition.Get(network, key => new SharedOrLocal(
            new RedisSlidingWindowRateLimiter<string>($"herald:comments:{key}", new RedisSlidingWindowRateLimiterOptions
            {
                PermitLimit = options.RatePermits,
                Window = options.RateWindow,
                ConnectionMultiplexerFactory = () => redis,
            }),
            new SlidingWindowRateLimiter(Local(options))));
    }

    private static SlidingWindowRateLimiterOptions Local(CommentOptions options) => new()
    {
        PermitLimit = options.RatePermits,
        Window = options.RateWindow,
        SegmentsPerWindow = Segments,
        QueueLimit = 0,
    };

    /// <summary>Asks the shared limiter; when Redis cannot be reached, the local one.</summary>
    private sealed class SharedOrLocal(RateLimiter shared, RateLimiter local) : RateLimiter
    {
        public override TimeSpan? IdleDuration => shared.IdleDuration is { } a && local.IdleDuration is { } b ? (a < b ? a : b) : null;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        // Redis is only asked asynchronously; a synchronous attempt says "ask again", as the shared limiter does.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, ct);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return await local.AcquireAsync(permitCount, ct);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                local.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}