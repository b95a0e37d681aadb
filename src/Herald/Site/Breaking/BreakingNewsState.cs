using Herald.Articles;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Site.Breaking;

/// <summary>
/// Keeps the breaking-news banner in memory so that a page costs no query for it. Raising,
/// clearing and expiring it are writes affecting <see cref="CacheTags.Site"/>: every cached page
/// and this copy go, here and, through the invalidation journal, in every other Herald process.
/// </summary>
public sealed class BreakingNewsState(IServiceScopeFactory scopes, SiteState site, TimeProvider clock) : IInvalidationListener
{
    /// <summary>The fallback should a journal row be missed.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim loading = new(1, 1);
    private long generation;
    private (BreakingBanner? Banner, DateTimeOffset LoadedAt)? current;

    /// <summary>The banner as stored (expired or not); null when there is none.</summary>
    public async ValueTask<BreakingBanner?> GetAsync(CancellationToken ct = default)
    {
        if (current is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Banner;
        }
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
            {
                return fresh.Banner;
            }
            var before = Interlocked.Read(ref generation);
            var banner = await LoadAsync(ct);
            if (Interlocked.Read(ref generation) == before)
            {
                current = (banner, clock.GetUtcNow());
            }
            return banner;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// The banner a public page shows now, or null. A page cached with a banner that expires is kept
    /// no longer than the banner: should no process be running to clear it on time, the page still
    /// goes when it does.
    /// </summary>
    public async ValueTask<BreakingBanner?> ForPageAsync(HttpContext context)
    {
        var banner = await GetAsync(context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (banner is null || !banner.IsShownAt(now))
        {
            return null;
        }
        if (banner.ExpiresAt is { } until && context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            var left = until - now;
            if (cache.ResponseExpirationTimeSpan is not { } lifetime || left < lifetime)
            {
                cache.ResponseExpirationTimeSpan = left;
            }
        }
        return banner;
    }

    public void OnInvalidated(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(CacheTags.Site))
        {
            Interlocked.Increment(ref generation);
            current = null;
        }
    }

    private async Task<BreakingBanner?> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.BreakingNews.AsNoTracking()
            .Where(b => b.Id == BreakingNews.TheOne)
            .Select(b => new { b.ArticleId, b.RaisedAt, b.ExpiresAt, b.RaisedBy, b.Article!.Headline, b.Article.Slug, b.Article.Kind, b.Article.PublishedAt, b.Article.Status })
            .FirstOrDefaultAsync(ct);
        // A story no longer public shows no banner, whatever is left of its row.
        if (row is null || row.Status != ArticleStatus.Published || row.PublishedAt is not { } published || published > now)
        {
            return null;
        }
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        return new BreakingBanner(row.ArticleId, row.Headline, ArticleUrls.For(row.Kind, published, row.Slug, zone), row.RaisedAt, row.ExpiresAt, row.RaisedBy);
    }
}