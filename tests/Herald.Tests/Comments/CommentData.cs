using Herald.Articles;
using Herald.Comments;
using Herald.Site;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Comments;

/// <summary>Reads and writes behind the tests' backs, through Herald's own services and database.</summary>
public static class CommentData
{
    public static async Task<string> StampAsync(HeraldTestServer server, TimeSpan age)
    {
        var ring = await server.Services.GetRequiredService<CommentKeys>().GetAsync();
        return FormStamps.IssueStamp(ring, DateTimeOffset.UtcNow - age);
    }

    public static async Task<(int Id, string Url)> ArticleAsync(HeraldTestServer server, string slug)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.PublishedAt }).SingleAsync();
        var zone = (await scope.ServiceProvider.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;
        return (article.Id, ArticleUrls.For(article.PublishedAt!.Value, slug, zone));
    }

    /// <summary>A published article no other test of the class uses, by its position in the list.</summary>
    public static async Task<(int Id, string Url)> ArticleNumberAsync(HeraldTestServer server, int position)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var slug = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .OrderBy(a => a.Slug).Select(a => a.Slug).Skip(position).FirstAsync();
        return await ArticleAsync(server, slug);
    }

    /// <summary>The slug of the article's primary category: its section page.</summary>
    public static async Task<string> SectionOfAsync(HeraldTestServer server, int articleId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        return await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.PrimaryCategory!.Slug).SingleAsync();
    }

    public static async Task<Comment> CommentAsync(HeraldTestServer server, int id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static async Task ModerateAsync(HeraldTestServer server, ModerationAction action, params int[] ids)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommentModerator>().ApplyAsync(ids, action, "test editor", CancellationToken.None);
    }

    public static async Task UpdateArticleAsync(HeraldTestServer server, int id, Action<Article> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        change(article);
        await db.SaveChangesAsync();
    }

    /// <summary>A comment by a commenter the site already trusts: their first was approved by an editor.</summary>
    public static async Task<string> TrustedEmailAsync(Visitor visitor, int articleId, string email)
    {
        var first = await visitor.PostAcceptedAsync(new CommentPost(articleId, $"An opening remark from {email}.", "Trusted Reader", email));
        await ModerateAsync(visitor.Server, ModerationAction.Approve, first);
        return email;
    }
}