using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Site.Breaking;

/// <summary>How long a banner stays up; the newsroom offers these and no others.</summary>
public enum BreakingExpiry
{
    OneHour = 1,
    ThreeHours = 3,
    SixHours = 6,
    OneDay = 24,
    UntilCleared = 0,
}

/// <summary>How raising a banner ended.</summary>
public abstract record RaiseOutcome
{
    /// <summary>Raised; <paramref name="Replaced"/> is the headline of the banner it took the place of, if any.</summary>
    public sealed record Raised(string Headline, string? Replaced) : RaiseOutcome;

    /// <summary>The story cannot be flagged (missing, or not public), with why.</summary>
    public sealed record Refused(string Problem) : RaiseOutcome;
}

/// <summary>
/// Raises and clears the breaking-news banner. Each is one write affecting <see cref="CacheTags.Site"/>,
/// since the banner is on every page: every cached page goes at once, in every process.
/// </summary>
public sealed class BreakingNewsDesk(HeraldDbContext db, SiteWriter writer, TimeProvider clock)
{
    public static TimeSpan? Duration(BreakingExpiry expiry) =>
        expiry == BreakingExpiry.UntilCleared ? null : TimeSpan.FromHours((int)expiry);

    public async Task<RaiseOutcome> RaiseAsync(int articleId, BreakingExpiry expiry, string raisedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var story = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Headline, Public = a.Status == ArticleStatus.Published && a.PublishedAt <= now })
            .FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return new RaiseOutcome.Refused("That story no longer exists.");
        }
        if (!story.Public)
        {
            return new RaiseOutcome.Refused($"\"{story.Headline}\" is not published, so readers could not open it. Publish it first.");
        }
        return await writer.CommitAsync<RaiseOutcome>(async (tags, token) =>
        {
            var row = await db.BreakingNews.FirstOrDefaultAsync(b => b.Id == BreakingNews.TheOne, token);
            var replaced = row is null || row.ArticleId == articleId ? null
                : await db.Articles.Where(a => a.Id == row.ArticleId).Select(a => a.Headline).FirstOrDefaultAsync(token);
            if (row is null)
            {
                row = new BreakingNews();
                db.Add(row);
            }
            row.ArticleId = articleId;
            row.RaisedAt = now;
            row.ExpiresAt = Duration(expiry) is { } duration ? now + duration : null;
            row.RaisedBy = raisedBy.Length > 256 ? raisedBy[..256] : raisedBy;
            tags.Add(CacheTags.Site);
            return new RaiseOutcome.Raised(story.Headline, replaced);
        }, ct);
    }

    /// <summary>Takes the banner down; returns the headline it showed, or null when there was none.</summary>
    public Task<string?> ClearAsync(CancellationToken ct) =>
        writer.CommitAsync<string?>(async (tags, token) =>
        {
            var row = await db.BreakingNews.Include(b => b.Article).FirstOrDefaultAsync(b => b.Id == BreakingNews.TheOne, token);
            if (row is null)
            {
                return null;
            }
            db.Remove(row);
            tags.Add(CacheTags.Site);
            return row.Article?.Headline ?? "";
        }, ct);

    /// <summary>
    /// Clears the banner that expired at <paramref name="expiresAt"/>, if it is still the one stored.
    /// Every process may try at once; only the one that deletes the row writes the journal row.
    /// </summary>
    public Task<bool> ClearExpiredAsync(int articleId, DateTime expiresAt, CancellationToken ct) =>
        writer.CommitAsync(async (tags, token) =>
        {
            var deleted = await db.BreakingNews
                .Where(b => b.Id == BreakingNews.TheOne && b.ArticleId == articleId && b.ExpiresAt == expiresAt)
                .ExecuteDeleteAsync(token);
            if (deleted > 0)
            {
                tags.Add(CacheTags.Site);
            }
            return deleted > 0;
        }, ct);
}