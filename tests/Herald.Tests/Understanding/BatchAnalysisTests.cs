using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>
/// An import analyses its stories many to a transaction, following the known names in memory
/// from one story to the next; what it stores must be what analysing the same stories one at a
/// time stores, each story knowing the names the earlier ones brought.
/// </summary>
public sealed class BatchAnalysisTests : IAsyncLifetime
{
    private static readonly string[] Stories =
    [
        "Mayor Ingrid Solberg met the Torvik Fishermen's Association on Monday.\n\n“The quota is too low,” the association said in a statement.\n",
        "“We will not close the harbour,” Solberg said on Tuesday, as 40 crews waited at the quay in Norrhavn.\n",
        "Harbour Commissioner Ragnhild Østby said the fees would rise by 12 percent next year.\n\n“It is fair,” said Østby.\n",
        "Ingrid Solberg and Ragnhild Østby signed the agreement with Torvik Fishermen's Association in Norrhavn.\n",
        "“Nothing to add,” said Torunn Hella, the harbour director, on Friday. Solberg did not answer.\n",
        "The association said Østby had promised 3 million kroner for the quay. Hella confirmed it.\n",
    ];

    private readonly TempFolder folder = new("herald-batch-analysis");
    private HeraldTestServer oneByOne = null!;
    private HeraldTestServer batched = null!;

    public async Task InitializeAsync()
    {
        oneByOne = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "one.db")}"), demo: false);
        batched = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "batch.db")}"), demo: false);
    }

    [Fact]
    public async Task Stories_analysed_in_one_import_batch_name_the_same_entities_as_stories_analysed_one_at_a_time()
    {
        var ids = new List<int>();
        for (var i = 0; i < Stories.Length; i++)
        {
            var id = await StoreAsync(oneByOne, i);
            await oneByOne.AnalyzeAsync(id);
            ids.Add(await StoreAsync(batched, i));
        }
        await using (var scope = batched.Services.CreateAsyncScope())
        {
            var pipeline = scope.ServiceProvider.GetRequiredService<ArticlePipeline>();
            await scope.ServiceProvider.GetRequiredService<SiteWriter>().CommitAsync(
                (tags, ct) => pipeline.ReanalyseAsync(ids, new ArticleBatch(ArticleWriteOrigin.Import), tags, ct), CancellationToken.None);
        }

        var expected = await FindingsAsync(oneByOne);
        Assert.Contains(expected, f => f.Contains("Ingrid Solberg", StringComparison.Ordinal));
        Assert.Equal(expected, await FindingsAsync(batched));
    }

    /// <summary>A published story written straight to the database, analysed by no one yet.</summary>
    private static async Task<int> StoreAsync(HeraldTestServer server, int index)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var at = DateTime.UtcNow.AddHours(-10 + index);
        var article = new Article
        {
            Slug = $"story-{index}",
            Headline = $"Story {index}",
            Status = ArticleStatus.Published,
            CreatedAt = at,
            PublishedAt = at,
            BodySource = Stories[index],
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>Every entity with its names, every mention and every quote's speaker, by slug rather than id.</summary>
    private static Task<List<string>> FindingsAsync(HeraldTestServer server) => server.QueryAsync(async db =>
    {
        var entities = (await db.Set<NamedEntity>().AsNoTracking().Include(e => e.Aliases).ToListAsync())
            .Select(e => $"entity {e.Type} {e.Slug} {e.Name} [{string.Join(", ", e.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal))}]");
        var mentions = await db.Set<EntityMention>().AsNoTracking()
            .Select(m => "mention " + m.ArticleId + " " + m.Entity.Slug + " " + m.Count + " " + m.Confident).ToListAsync();
        var quotes = await db.Set<ArticleQuote>().AsNoTracking()
            .Select(q => "quote " + q.ArticleId + " " + q.Start + " " + (q.SpeakerId == null ? "-" : db.Set<NamedEntity>().Where(e => e.Id == q.SpeakerId).Select(e => e.Slug).First())).ToListAsync();
        return entities.Concat(mentions).Concat(quotes).Order(StringComparer.Ordinal).ToList();
    });

    public async Task DisposeAsync()
    {
        await oneByOne.DisposeAsync();
        await batched.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}