using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Sitemaps;

public sealed record SitemapEntry(string Path, DateTime? LastModified);

/// <summary>The rows behind each sitemap kind, in a stable order (by id) so that pages do not shift between requests.</summary>
public sealed class SitemapSource(HeraldDbContext db, ArticleQueries articles, SitemapOptions options)
{
    public Task<int> CountAsync(string kind, CancellationToken ct) => kind switch
    {
        "articles" => articles.Published().CountAsync(ct),
        "categories" => db.Categories.CountAsync(ct),
        "tags" => db.Tags.CountAsync(ct),
        _ => db.Authors.CountAsync(ct),
    };

    /// <summary>The newest change among the URLs of one page, for the index's lastmod.</summary>
    public async Task<DateTime?> LastChangedAsync(string kind, int page, CancellationToken ct)
    {
        if (kind != "articles")
        {
            // A section, tag or author page changes whenever anything is published.
            return await articles.Published().MaxAsync(a => (DateTime?)a.PublishedAt, ct);
        }
        return await articles.Published().OrderBy(a => a.Id)
            .Skip((page - 1) * options.UrlsPerFile).Take(options.UrlsPerFile)
            .MaxAsync(a => (DateTime?)(a.UpdatedAt > a.PublishedAt ? a.UpdatedAt : a.PublishedAt), ct);
    }

    public async IAsyncEnumerable<SitemapEntry> PageAsync(string kind, int page, TimeZoneInfo zone,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var skip = (page - 1) * options.UrlsPerFile;
        var take = options.UrlsPerFile;
        var published = articles.Published();
        if (kind == "articles")
        {
            var rows = published.OrderBy(a => a.Id).Skip(skip).Take(take)
                .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
                .AsAsyncEnumerable();
            await foreach (var a in rows.WithCancellation(ct))
            {
                var changed = a.UpdatedAt is { } u && u > a.PublishedAt ? u : a.PublishedAt;
                yield return new SitemapEntry(ArticleUrls.For(a.PublishedAt, a.Slug, zone), changed);
            }
            yield break;
        }
        var taxonomy = kind switch
        {
            "categories" => db.Categories.OrderBy(c => c.Id).Skip(skip).Take(take).Select(c => new
            {
                Path = "/category/" + c.Slug,
                Last = published.Where(a => a.PrimaryCategoryId == c.Id || a.Categories.Any(x => x.Id == c.Id)).Max(a => a.PublishedAt),
            }),
            "tags" => db.Tags.OrderBy(t => t.Id).Skip(skip).Take(take).Select(t => new
            {
                Path = "/tag/" + t.Slug,
                Last = published.Where(a => a.Tags.Any(x => x.Id == t.Id)).Max(a => a.PublishedAt),
            }),
            _ => db.Authors.OrderBy(au => au.Id).Skip(skip).Take(take).Select(au => new
            {
                Path = "/author/" + au.Slug,
                Last = published.Where(a => a.Authors.Any(b => b.AuthorId == au.Id)).Max(a => a.PublishedAt),
            }),
        };
        await foreach (var row in taxonomy.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new SitemapEntry(row.Path, row.Last);
        }
    }
}