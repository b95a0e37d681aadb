using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Herald.Comments;

public static class CommentServices
{
    /// <summary>
    /// The rate-limiting policy on comment posts: a sliding window per client network (an IPv4
    /// address, an IPv6 /64), counted in Redis across nodes when the site has it.
    /// </summary>
    public const string PostingPolicy = "comment-posts";

    public static IServiceCollection AddHeraldComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CommentOptions>(configuration.GetSection(CommentOptions.Section));
        services.AddSingleton<CommentKeys>();
        services.AddSingleton<VisitorCookies>();
        services.AddSingleton<CommentGroupCommit>();
        services.AddScoped<CommentQueries>();
        services.AddScoped<CommentSubmission>();
        services.AddScoped<CommentPublishing>();
        services.AddScoped<SpamClassifier>();
        services.AddScoped<CommentModerator>();
        services.AddScoped<Moderation.ModerationQueries>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // A sliding window does not say when a permit frees up; a segment of the window is a fair guess.
                var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<CommentOptions>>().Value;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.RateWindow / CommentRateLimit.Segments;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PostingPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<CommentOptions>>().Value;
                var network = Hosting.ClientNetwork.Of(context.Connection.RemoteIpAddress);
                return CommentRateLimit.For(network, options, context.RequestServices.GetService<StackExchange.Redis.IConnectionMultiplexer>());
            });
        });
        return services;
    }
}