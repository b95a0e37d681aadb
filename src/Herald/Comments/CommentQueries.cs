using System.Linq.Expressions;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments;

/// <summary>The reads behind public comment output; each projects straight into <see cref="PublicComment"/>.</summary>
public sealed class CommentQueries(HeraldDbContext db)
{
    private static readonly Expression<Func<Comment, PublicComment>> ToPublic = c => new PublicComment(
        c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorUrl, c.AvatarKey, c.Body, c.CreatedAt, c.StaffUserId != null);

    public async Task<IReadOnlyList<PublicComment>> ApprovedAsync(int articleId, CancellationToken ct) =>
        await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.Status == ModerationStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(ToPublic)
            .ToListAsync(ct);

    public async Task<(PublicComment Comment, int Depth)?> ApprovedByIdAsync(int id, CancellationToken ct)
    {
        var found = await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && c.Status == ModerationStatus.Approved)
            .Select(c => new { Comment = new PublicComment(c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorUrl, c.AvatarKey, c.Body, c.CreatedAt, c.StaffUserId != null), c.Depth })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Comment, found.Depth);
    }

    /// <summary>The visitor's own comments still waiting for a moderator, found by their cookie's keyed hash.</summary>
    public async Task<IReadOnlyList<PublicComment>> AwaitingForOwnerAsync(string ownerHash, int? articleId, CancellationToken ct) =>
        await db.Comments.AsNoTracking()
            .Where(c => c.OwnerHash == ownerHash && c.Status == ModerationStatus.Pending)
            .Where(c => articleId == null || c.ArticleId == articleId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(50)
            .Select(ToPublic)
            .ToListAsync(ct);

    /// <summary>
    /// One comment for its author's eyes: held or spam look alike to them ("awaiting moderation"),
    /// so a robot learns nothing from which it was.
    /// </summary>
    public async Task<PublicComment?> HeldForOwnerAsync(int id, string ownerHash, CancellationToken ct) =>
        await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && c.OwnerHash == ownerHash
                && (c.Status == ModerationStatus.Pending || c.Status == ModerationStatus.Spam))
            .Select(ToPublic)
            .FirstOrDefaultAsync(ct);

    /// <summary>The newest approved comments, with the article each belongs to, for the site-wide feed.</summary>
    public async Task<IReadOnlyList<FeedComment>> LatestApprovedAsync(int? articleId, int count, DateTime nowUtc, CancellationToken ct) =>
        await db.Comments.AsNoTracking()
            .Where(c => c.Status == ModerationStatus.Approved && (articleId == null || c.ArticleId == articleId))
            .Where(Articles.PublicArticles.Through<Comment>(c => c.Article, nowUtc))
            // A protected story's conversation is part of what its password withholds.
            .Where(c => c.Article.Password == null)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(count)
            .Select(c => new FeedComment(
                new PublicComment(c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorUrl, c.AvatarKey, c.Body, c.CreatedAt, c.StaffUserId != null),
                c.Article.Headline, c.Article.Slug, c.Article.PublishedAt!.Value))
            .ToListAsync(ct);
}

public sealed record FeedComment(PublicComment Comment, string Headline, string Slug, DateTime ArticlePublishedAt);