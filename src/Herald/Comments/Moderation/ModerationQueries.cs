using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments.Moderation;

/// <summary>A comment as a moderator sees it: with the e-mail, the hashed address and the why.</summary>
public sealed record ModerationRow(
    int Id, int ArticleId, string ArticleHeadline, string ArticleSlug, DateTime? ArticlePublishedAt,
    int? ParentId, string? ParentAuthor, string AuthorName, string AuthorEmail, string? AuthorUrl,
    string Body, ModerationStatus Status, string StatusReason, DateTime CreatedAt, string ClientHash)
{
    public string? ArticleUrl(TimeZoneInfo zone) =>
        ArticlePublishedAt is { } at ? ArticleUrls.For(at, ArticleSlug, zone) : null;
}

/// <summary>The newsroom's reads of comments. Only pages under /newsroom (editors) use these shapes.</summary>
public sealed class ModerationQueries(HeraldDbContext db)
{
    public async Task<PagedList<ModerationRow>> ListAsync(ModerationStatus status, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ModerationRow(
                c.Id, c.ArticleId, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt,
                c.ParentId, c.Parent != null ? c.Parent.AuthorName : null,
                c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Body, c.Status, c.StatusReason, c.CreatedAt, c.ClientHash))
            .ToListAsync(ct);
        return new PagedList<ModerationRow>(rows, page, pageSize, total);
    }

    public async Task<ModerationRow?> FindAsync(int id, CancellationToken ct) =>
        await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ModerationRow(
                c.Id, c.ArticleId, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt,
                c.ParentId, c.Parent != null ? c.Parent.AuthorName : null,
                c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Body, c.Status, c.StatusReason, c.CreatedAt, c.ClientHash))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<ModerationStatus, int>> CountsAsync(CancellationToken ct)
    {
        var counts = await db.Comments.AsNoTracking().GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<ModerationStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    /// <summary>Who wrote the comments and on which stories: how a confirmation names them.</summary>
    public async Task<IReadOnlyList<(string Author, string Headline)>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new { c.AuthorName, c.Article.Headline })
            .ToListAsync(ct))
        .Select(c => (c.AuthorName, c.Headline)).ToList();
}