using System.Net;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>
/// Two servers of one site with one Redis count a client's comment posts together, so a
/// round-robin balancer does not multiply the limit; when Redis stops answering, each server
/// goes on counting alone instead of refusing every comment.
/// </summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task Posts_to_either_server_count_against_one_limit_and_redis_going_away_does_not_stop_comments()
    {
        using var redis = await RedisServer.StartAsync();
        using var folder = new TempFolder("herald-shared-limit");
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        Assert.True(await DemoDatabases.CopyIntoAsync(database));
        static void Configure(IServiceCollection services)
        {
            CommentTestSettings.Apply(services);
            SimulatedClientAddress.Register(services);
        }
        await using var first = await HeraldTestServer.StartAsync(database, demo: false, configureServices: Configure, adjust: o => o with { Redis = redis.Configuration });
        await using var second = await HeraldTestServer.StartAsync(database, demo: false, configureServices: Configure, adjust: o => o with { Redis = redis.Configuration });
        var (articleId, _) = await CommentData.ArticleNumberAsync(first, 12);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await PostAsync(i % 2 == 0 ? first : second, "198.51.100.7", articleId, i)).StatusCode);
        }
        // Five permits a minute for the client, wherever its posts land.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.SeeOther, 5).Append(HttpStatusCode.TooManyRequests), statuses);

        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(second, "198.51.100.8", articleId, 6)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HeraldTestServer server, string client, int articleId, int n)
    {
        using var visitor = Visitor.Create(server);
        var fields = await new CommentPost(articleId, $"Comment {n} on the harbour plans, posted through one of two servers.", "Busy Reader", $"busy{n}@example.org").ToFieldsAsync(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", server.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add(SimulatedClientAddress.Header, client);
        return await visitor.Client.SendAsync(request);
    }
}