using System.Net;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.Articles;

/// <summary>
/// Pages must cost a fixed number of queries: an article with more authors, tags or sections,
/// or a list of more articles, must not cost more (no N+1). The cache is off so every request
/// reaches the database.
/// </summary>
public sealed class QueryCountTests : IAsyncLifetime
{
    private readonly TempFolder folder = new("herald-queries");
    private readonly QueryCounter counter = new();
    private HeraldTestServer server = null!;

    public async Task InitializeAsync()
    {
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        server = await HeraldTestServer.StartDemoCopyAsync(database, outputCache: false,
            configureServices: services => services.AddSingleton<IInterceptor>(counter));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task An_article_page_costs_the_same_few_queries_however_many_authors_and_tags()
    {
        using var client = server.CreateClient();
        // Two articles from the middle of one section, so both have a newer and an older neighbour.
        var (middle, other) = await TwoMiddleArticlesAsync("business");
        var plain = await server.UrlOfAsync(middle);
        await client.GetAsync(plain); // warm the site snapshot, which is cached in memory

        var simple = await CountAsync(client, plain);
        var simpleLog = counter.Log;
        var rich = await EnrichAsync(other);
        var crowded = await CountAsync(client, rich);

        // The article itself, its people, its "Related Articles" block and its comments: a fixed number.
        Assert.InRange(simple, 1, 16);
        Assert.True(simple == crowded, $"{simple} queries:\n{simpleLog}\n\n{crowded} queries:\n{counter.Log}");
    }

    [Fact]
    public async Task List_pages_cost_a_fixed_number_of_queries()
    {
        using var client = server.CreateClient();
        await client.GetAsync("/");

        var home = await CountAsync(client, "/");
        var page2 = await CountAsync(client, "/?page=2");
        var section = await CountAsync(client, "/category/business");
        var author = await CountAsync(client, "/author/jose-nunez");

        Assert.InRange(home, 1, 10);
        Assert.InRange(page2, 1, 6);
        Assert.InRange(section, 1, 6);
        Assert.InRange(author, 1, 6);
    }

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counter.Count;
    }

    /// <summary>Gives an article five authors, twenty tags and three sections.</summary>
    private async Task<string> EnrichAsync(string slug)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.Include(a => a.Authors).Include(a => a.Tags).Include(a => a.Categories)
            .SingleAsync(a => a.Slug == slug);
        foreach (var author in await db.Authors.Where(a => !article.Authors.Select(b => b.AuthorId).Contains(a.Id)).Take(4).ToListAsync())
        {
            article.Authors.Add(new ArticleAuthor { AuthorId = author.Id, Position = article.Authors.Count });
        }
        article.Tags.AddRange(await db.Tags.Where(t => !article.Tags.Select(x => x.Id).Contains(t.Id)).Take(20).ToListAsync());
        article.Categories.AddRange(await db.Categories.Where(c => !article.Categories.Select(x => x.Id).Contains(c.Id)).Take(2).ToListAsync());
        await db.SaveChangesAsync();
        return await server.UrlOfAsync(slug);
    }

    private async Task<(string, string)> TwoMiddleArticlesAsync(string section)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var slugs = await db.Articles.Where(a => a.PrimaryCategory!.Slug == section)
            .OrderBy(a => a.PublishedAt).Select(a => a.Slug).ToListAsync();
        Assert.True(slugs.Count >= 4, "the demo section needs four articles");
        return (slugs[1], slugs[2]);
    }

}