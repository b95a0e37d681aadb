using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>Writes articles of a test's own into a running site's database, the way the newsroom will.</summary>
public static class TestArticles
{
    public static async Task<Article> AddAsync(HeraldTestServer server, string headline, string body, DateTime? publishedAt = null,
        ArticleStatus status = ArticleStatus.Published, string category = "business", string[]? tags = null, string? dek = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = NewArticle(headline, body, publishedAt ?? DateTime.UtcNow.AddHours(-1), status,
            await db.Categories.FirstAsync(c => c.Slug == category), await db.Authors.OrderBy(a => a.Id).FirstAsync());
        article.Dek = dek;
        foreach (var name in tags ?? [])
        {
            var tagSlug = Slugs.From(name);
            article.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.Slug == tagSlug) ?? new Tag { Name = name, Slug = tagSlug });
        }
        scope.ServiceProvider.GetRequiredService<ArticleBody>().RenderInto(article);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>Many plain published articles in one save, for tests that need a crowd of matches.</summary>
    public static async Task AddManyAsync(HeraldTestServer server, IEnumerable<(string Headline, string Body, DateTime PublishedAt)> articles)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<ArticleBody>();
        var category = await db.Categories.FirstAsync(c => c.Slug == "business");
        var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
        foreach (var (headline, body, publishedAt) in articles)
        {
            var article = NewArticle(headline, body, publishedAt, ArticleStatus.Published, category, author);
            renderer.RenderInto(article);
            db.Articles.Add(article);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A story in one section with one byline, under a unique slug.</summary>
    private static Article NewArticle(string headline, string body, DateTime publishedAt, ArticleStatus status, Category category, Author author)
    {
        var article = new Article
        {
            Slug = Slugs.From(headline) + "-" + Guid.NewGuid().ToString("N")[..8],
            Headline = headline,
            BodySource = body,
            Status = status,
            PublishedAt = publishedAt,
            CreatedAt = DateTime.UtcNow,
            PrimaryCategory = category,
        };
        article.Categories.Add(category);
        article.Authors.Add(new ArticleAuthor { Author = author, Position = 0 });
        return article;
    }

    public static async Task UpdateAsync(HeraldTestServer server, int id, Action<Article> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Categories).FirstAsync(a => a.Id == id);
        change(article);
        scope.ServiceProvider.GetRequiredService<ArticleBody>().RenderInto(article);
        await db.SaveChangesAsync();
    }
}