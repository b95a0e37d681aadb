using Herald.Articles;
using Herald.Discovery.Related;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>Two stories with little vocabulary in common are related when they quote the same person.</summary>
public sealed class RelatedByPeopleTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task Sharing_a_person_relates_two_stories_and_says_so()
    {
        var server = fixture.RequireServer();
        var first = await PublishAsync(server, "Orchard harvest beats forecasts",
            "Agriculture Minister Henrike Malmqvist visited the apple growers on Tuesday.\n\n“The harvest exceeded every forecast,” Malmqvist said.\n", 3);
        var second = await PublishAsync(server, "Minister opens railway bridge",
            "“This bridge joins two valleys that waited a century,” Henrike Malmqvist said as the trains began running.\n", 1);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var relation = await db.RelatedArticles.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ArticleId == second.Id && r.RelatedArticleId == first.Id);

        Assert.NotNull(relation);
        Assert.Contains("persons: Henrike Malmqvist", relation.Reasons);
    }

    private static async Task<Article> PublishAsync(HeraldTestServer server, string headline, string body, int daysAgo)
    {
        var article = await TestArticles.AddAsync(server, headline, body, DateTime.UtcNow.AddDays(-daysAgo), tags: []);
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleUnderstanding>().AnalyzeAsync(article.Id, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexAsync(article);
        return article;
    }
}