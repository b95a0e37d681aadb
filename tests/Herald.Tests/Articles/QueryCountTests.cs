using System.Net;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.Articles;

/// <summary>
/// Pages must cost a fixed number of SQL statements: an article with more authors, tags or sections,
/// or a list of more articles, must not cost more (no N+1). The article and home pages are pinned to
/// their exact count, so a statement added to them is a visible decision: on PostgreSQL each one is a
/// network round trip. The cache is off so every request reaches the database; the two subclasses at
/// the bottom pick the database.
/// </summary>
public abstract class QueryCountTests(IQueryCountSite site)
{
    /// <summary>
    /// The story with its section (1), its bylines, sections, tags and notes (1), its newer and older
    /// neighbours (1), the people it names (1), its related stories and their cards (2), its comments (1);
    /// on SQLite the two card lists read their bylines in a second statement each (CardQueries).
    /// </summary>
    private int ArticleStatements => site.IsSqlite ? 9 : 7;

    /// <summary>Sticky stories (1), the count (1), the latest (1), the section blocks (1); on SQLite the latest and the section blocks read their bylines apart (the demo has no sticky story, and an empty list needs no second statement).</summary>
    private int HomeStatements => site.IsSqlite ? 6 : 4;

    private HeraldTestServer Server => site.RequireServer();

    [SkippableFact]
    public async Task An_article_page_costs_the_same_few_queries_however_many_authors_and_tags()
    {
        using var client = Server.CreateClient();
        // Two articles from the middle of one section, so both have a newer and an older neighbour.
        var (middle, other) = await TwoMiddleArticlesAsync("business");
        var plain = await Server.UrlOfAsync(middle);
        await client.GetAsync(plain); // warm the site snapshot, which is cached in memory

        var simple = await CountAsync(client, plain);
        var simpleLog = site.Counter.Log;
        var rich = await EnrichAsync(other);
        var crowded = await CountAsync(client, rich);

        Assert.True(simple == ArticleStatements, $"{simple} statements, not {ArticleStatements}:\n{simpleLog}");
        Assert.True(simple == crowded, $"{simple} queries:\n{simpleLog}\n\n{crowded} queries:\n{site.Counter.Log}");
    }

    [SkippableFact]
    public async Task List_pages_cost_a_fixed_number_of_queries()
    {
        using var client = Server.CreateClient();
        await client.GetAsync("/");

        var home = await CountAsync(client, "/");
        var homeLog = site.Counter.Log;
        var page2 = await CountAsync(client, "/?page=2");
        var section = await CountAsync(client, "/category/business");
        var author = await CountAsync(client, "/author/jose-nunez");

        Assert.True(home == HomeStatements, $"{home} statements, not {HomeStatements}:\n{homeLog}");
        Assert.InRange(page2, 1, HomeStatements - 1);
        Assert.InRange(section, 1, 6);
        Assert.InRange(author, 1, 6);
    }

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        site.Counter.Reset();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return site.Counter.Count;
    }

    /// <summary>Gives an article five authors, twenty tags and three sections.</summary>
    private async Task<string> EnrichAsync(string slug)
    {
        await using var scope = Server.Services.CreateAsyncScope();
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
        return await Server.UrlOfAsync(slug);
    }

    private async Task<(string, string)> TwoMiddleArticlesAsync(string section)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var slugs = await db.Articles.Where(a => a.PrimaryCategory!.Slug == section)
            .OrderBy(a => a.PublishedAt).Select(a => a.Slug).ToListAsync();
        Assert.True(slugs.Count >= 4, "the demo section needs four articles");
        return (slugs[1], slugs[2]);
    }
}

/// <summary>A demo site with the output cache off and every SQL statement counted.</summary>
public interface IQueryCountSite
{
    bool IsSqlite { get; }

    QueryCounter Counter { get; }

    HeraldTestServer RequireServer();
}

public sealed class SqliteQueryCountSite : SqliteSiteFixture, IQueryCountSite
{
    public bool IsSqlite => true;

    public QueryCounter Counter { get; } = new();

    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) => Counter.AddTo(services);
}

public sealed class PostgresQueryCountSite : PostgresSiteFixture, IQueryCountSite
{
    public bool IsSqlite => false;

    public QueryCounter Counter { get; } = new();

    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) => Counter.AddTo(services);
}

public sealed class SqliteQueryCountTests(SqliteQueryCountSite site) : QueryCountTests(site), IClassFixture<SqliteQueryCountSite>;

public sealed class PostgresQueryCountTests(PostgresQueryCountSite site) : QueryCountTests(site), IClassFixture<PostgresQueryCountSite>;