using Herald.Articles;
using Herald.Comments;
using Herald.Discovery.Search;
using Herald.Storage;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles;

/// <summary>
/// <see cref="PublicArticles"/> is the one definition of what a reader may see; the raw SQL that
/// must spell it out (search here; the sitemaps in SitemapPagingTests) is held to it with an
/// article in every state.
/// </summary>
public abstract class PublishedRuleTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Search_sql_and_the_published_rule_agree_on_every_state_of_an_article()
    {
        var marker = "quillwort" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow;
        var expected = new Dictionary<int, bool>();
        async Task AddAsync(string headline, bool visible, ArticleStatus status, DateTime publishedAt, ArticleKind kind = ArticleKind.Story)
        {
            var article = await TestArticles.AddAsync(Server, $"{headline} {marker}", $"A story about {marker}.", publishedAt, status);
            if (kind != ArticleKind.Story)
            {
                await TestArticles.UpdateAsync(Server, article.Id, a => a.Kind = kind);
            }
            expected[article.Id] = visible;
        }
        await AddAsync("Out and about", visible: true, ArticleStatus.Published, now.AddHours(-1));
        await AddAsync("A standing page", visible: true, ArticleStatus.Published, now.AddHours(-1), ArticleKind.Page);
        await AddAsync("Dated tomorrow", visible: false, ArticleStatus.Published, now.AddDays(1));
        await AddAsync("Still a draft", visible: false, ArticleStatus.Draft, now.AddHours(-1));
        await AddAsync("Sent for review", visible: false, ArticleStatus.Submitted, now.AddHours(-1));
        await AddAsync("Waiting its turn", visible: false, ArticleStatus.Scheduled, now.AddHours(2));
        await AddAsync("Taken down", visible: false, ArticleStatus.Unpublished, now.AddDays(-2));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var ids = expected.Keys.ToList();
        var byRule = await db.Articles.WherePublic(DateTime.UtcNow).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        Assert.Equal(expected.Where(e => e.Value).Select(e => e.Key).Order(), byRule.Order());
        foreach (var article in await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync())
        {
            Assert.Equal(expected[article.Id], PublicArticles.IsPublic(article, DateTime.UtcNow));
        }

        var search = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var found = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(marker), 1, 50), CancellationToken.None);
        Assert.Equal(byRule.Order(), found.Hits.Items.Select(h => h.Article.Id).Order());
    }

    [SkippableFact]
    public async Task The_rule_through_a_path_is_the_rule()
    {
        var now = DateTime.UtcNow;
        var shown = await TestArticles.AddAsync(Server, "Comments under a live story", "Live.", now.AddHours(-1));
        var hidden = await TestArticles.AddAsync(Server, "Comments under a draft", "Draft.", now.AddHours(-1), ArticleStatus.Draft);
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        foreach (var article in new[] { shown, hidden })
        {
            db.Comments.Add(new Comment { ArticleId = article.Id, AuthorName = "Reader", AuthorEmail = "", Body = "Noted.", Status = ModerationStatus.Approved, CreatedAt = now });
        }
        await db.SaveChangesAsync();

        var under = await db.Comments.Where(c => c.ArticleId == shown.Id || c.ArticleId == hidden.Id)
            .Where(PublicArticles.Through<Comment>(c => c.Article, DateTime.UtcNow)).Select(c => c.ArticleId).ToListAsync();
        Assert.Equal([shown.Id], under);
    }
}

public sealed class SqlitePublishedRuleTests(SqliteSiteFixture fixture) : PublishedRuleTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresPublishedRuleTests(PostgresSiteFixture fixture) : PublishedRuleTests(fixture), IClassFixture<PostgresSiteFixture>;