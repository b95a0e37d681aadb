using System.Net;
using Herald.Articles;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>Stories written straight to a test site's database and read by its analysis, and what the analysis stored of them.</summary>
public static class EntityStories
{
    public static async Task<int> PublishAsync(this HeraldTestServer server, string slug, string body)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = new Article
        {
            Slug = slug,
            Headline = slug.Replace('-', ' '),
            Status = ArticleStatus.Published,
            CreatedAt = DateTime.UtcNow.AddHours(-1),
            PublishedAt = DateTime.UtcNow.AddHours(-1),
            BodySource = body,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await server.AnalyzeAsync(article.Id);
        return article.Id;
    }

    /// <summary>What saving or re-publishing the story does to its findings.</summary>
    public static async Task AnalyzeAsync(this HeraldTestServer server, int articleId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleUnderstanding>().AnalyzeAsync(articleId, CancellationToken.None);
    }

    public static Task<NamedEntity> EntityInAsync(this HeraldTestServer server, int articleId, string name, EntityType type) =>
        server.QueryAsync(db => db.Set<EntityMention>().AsNoTracking()
            .Where(m => m.ArticleId == articleId && m.Entity.Name == name && m.Entity.Type == type).Select(m => m.Entity).SingleAsync());

    public static Task<int?> SpeakerOfAsync(this HeraldTestServer server, int articleId, string words) =>
        server.QueryAsync(db => db.Set<ArticleQuote>().Where(q => q.ArticleId == articleId && q.Text.Contains(words)).Select(q => q.SpeakerId).SingleAsync());

    public static Task<int> QuoteIdAsync(this HeraldTestServer server, int articleId, string words) =>
        server.QueryAsync(db => db.Set<ArticleQuote>().Where(q => q.ArticleId == articleId && q.Text.Contains(words)).Select(q => q.Id).SingleAsync());

    public static Task<int> AliasIdAsync(this HeraldTestServer server, int entityId, string name) =>
        server.QueryAsync(db => db.Set<EntityAlias>().Where(a => a.EntityId == entityId && a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<List<string>> NamesOfAsync(this HeraldTestServer server, int entityId) =>
        server.QueryAsync(db => db.Set<EntityAlias>().Where(a => a.EntityId == entityId).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync());

    public static Task<List<int>> StoriesOfAsync(this HeraldTestServer server, int entityId) =>
        server.QueryAsync(db => db.Set<EntityMention>().Where(m => m.EntityId == entityId).OrderBy(m => m.ArticleId).Select(m => m.ArticleId).ToListAsync());

    /// <summary>The tags of the newest invalidation journal row: what the last write declared it changed.</summary>
    public static Task<string[]> LastEvictedAsync(this HeraldTestServer server) =>
        server.QueryAsync(async db => InvalidationSet.Deserialize(await db.Set<CacheInvalidation>().OrderByDescending(i => i.Id).Select(i => i.Tags).FirstAsync()).ToArray());

    public static async Task<T> QueryAsync<T>(this HeraldTestServer server, Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }

    public static async Task<string> QuotesOnAsync(this HttpClient reader, string url)
    {
        var (_, page) = await reader.GetPageAsync(url);
        return string.Join("\n", page.QuerySelectorAll(".quote-list li").Select(li => li.TextContent));
    }

    /// <summary>Cached pages go through the invalidation journal: give a change the moment it takes to reach them.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string because)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail(because);
    }

    public static Task EventuallyStatusAsync(this HttpClient reader, string path, HttpStatusCode expected) =>
        EventuallyAsync(async () => (await reader.GetAsync(path)).StatusCode == expected, $"{path} never answered {expected}");
}