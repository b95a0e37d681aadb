using System.Runtime.CompilerServices;
using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Sitemaps;

public sealed record SitemapEntry(string Path, DateTime? LastModified);

/// <summary>One file named by the sitemap index, with the newest change among its URLs.</summary>
public sealed record SitemapFile(string Kind, int Page, DateTime? LastModified);

/// <summary>
/// The rows behind each sitemap kind, in a stable order (by id) so that pages do not shift between
/// requests. Article reads go through the narrow index of published stories
/// (IX_Articles_PublishedStories: id, dates and slug), never the wide article rows, so a page costs
/// the same whether it is the first or the last.
/// </summary>
public sealed class SitemapSource(HeraldDbContext db, ArticleQueries articles, SitemapOptions options, TimeProvider clock)
{
    private static readonly string[] TaxonomyKinds = ["categories", "tags", "authors"];

    /// <summary>
    /// Every file of the index with its lastmod. The article files' lastmods come from one grouped
    /// statement over the narrow story index (numbering the stories in id order and grouping them by
    /// page), rather than an OFFSET query per page or every story's dates read into Herald.
    /// </summary>
    public async IAsyncEnumerable<SitemapFile> FilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var articleFiles = 0;
        await foreach (var change in ArticlePageChanges().AsAsyncEnumerable().WithCancellation(ct))
        {
            articleFiles++;
            yield return new SitemapFile("articles", (int)change.Page + 1, change.LastModified);
        }
        if (articleFiles == 0)
        {
            // With no stories at all there is still one (empty) article sitemap, as for the other kinds.
            yield return new SitemapFile("articles", 1, null);
        }

        // A section, tag or author page changes whenever anything is published.
        var lastPublished = await articles.Published().MaxAsync(a => a.PublishedAt, ct);
        foreach (var kind in TaxonomyKinds)
        {
            var pages = Math.Max(1, (await CountAsync(kind, ct) + options.UrlsPerFile - 1) / options.UrlsPerFile);
            for (var taxonomyPage = 1; taxonomyPage <= pages; taxonomyPage++)
            {
                yield return new SitemapFile(kind, taxonomyPage, lastPublished);
            }
        }
    }

    /// <summary>The URLs of one sitemap file, or null when there is no such page.</summary>
    public async Task<IAsyncEnumerable<SitemapEntry>?> FindPageAsync(string kind, int page, TimeZoneInfo zone, CancellationToken ct)
    {
        var skip = (page - 1L) * options.UrlsPerFile;
        if (page < 1 || skip > int.MaxValue)
        {
            return null;
        }
        if (kind == "articles")
        {
            // Page 1 always exists (empty on a new site); a later page exists if its first story does.
            var firstId = page == 1 ? 0 : await FirstArticleIdAsync((int)skip, ct);
            return firstId is { } from ? ArticlesFromAsync(from, zone, ct) : null;
        }
        if (skip >= Math.Max(await CountAsync(kind, ct), 1))
        {
            return null;
        }
        return TaxonomyAsync(kind, (int)skip, ct);
    }

    /// <summary>
    /// Raw SQL because EF cannot express ROW_NUMBER. The WHERE is <see cref="PublicArticles"/>'s rule
    /// written out, for stories only (ArticleQueries.Published()); PublishedRuleTests and
    /// SitemapPagingTests hold the two together with drafts, pages and future stories.
    /// </summary>
    private IQueryable<ArticlePageChange> ArticlePageChanges()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var perFile = options.UrlsPerFile;
        return db.Database.SqlQuery<ArticlePageChange>($"""
            SELECT "p"."Page",
                   MAX(CASE WHEN "p"."UpdatedAt" > "p"."PublishedAt" THEN "p"."UpdatedAt" ELSE "p"."PublishedAt" END) AS "LastModified"
            FROM (
                SELECT "a"."PublishedAt", "a"."UpdatedAt", (ROW_NUMBER() OVER (ORDER BY "a"."Id") - 1) / {perFile} AS "Page"
                FROM "Articles" AS "a"
                WHERE "a"."Status" = 'Published' AND "a"."Kind" = 'Story' AND "a"."PublishedAt" <= {now}
            ) AS "p"
            GROUP BY "p"."Page"
            ORDER BY "p"."Page"
            """);
    }

    private Task<int> CountAsync(string kind, CancellationToken ct) => kind switch
    {
        "categories" => db.Categories.CountAsync(ct),
        "tags" => db.Tags.CountAsync(ct),
        _ => db.Authors.CountAsync(ct),
    };

    /// <summary>
    /// The id a page starts at. This still skips rows, but over the narrow index of ids, and the
    /// page itself is then read from that id onwards.
    /// </summary>
    private async Task<int?> FirstArticleIdAsync(int skip, CancellationToken ct) =>
        await articles.Published().OrderBy(a => a.Id).Select(a => (int?)a.Id).Skip(skip).FirstOrDefaultAsync(ct);

    private async IAsyncEnumerable<SitemapEntry> ArticlesFromAsync(int fromId, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = articles.Published().Where(a => a.Id >= fromId).OrderBy(a => a.Id).Take(options.UrlsPerFile)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            var changed = a.UpdatedAt is { } u && u > a.PublishedAt ? u : a.PublishedAt;
            yield return new SitemapEntry(ArticleUrls.For(a.PublishedAt, a.Slug, zone), changed);
        }
    }

    private async IAsyncEnumerable<SitemapEntry> TaxonomyAsync(string kind, int skip, [EnumeratorCancellation] CancellationToken ct)
    {
        var take = options.UrlsPerFile;
        // A section's, tag's and author's newest story from the archive index: one index probe each,
        // where "primary section or any section" read every published story.
        var sections = articles.PublicEntries(ArchiveKind.Section);
        var tagged = articles.PublicEntries(ArchiveKind.Tag);
        var bylines = articles.PublicEntries(ArchiveKind.Author);
        Func<string, string> path = kind switch
        {
            "categories" => ArticleUrls.Category,
            "tags" => ArticleUrls.Tag,
            _ => ArticleUrls.Author,
        };
        var rows = kind switch
        {
            "categories" => db.Categories.OrderBy(c => c.Id).Skip(skip).Take(take).Select(c => new TaxonomyRow(
                c.Slug,
                sections.Where(e => e.OwnerId == c.Id).Max(e => (DateTime?)e.PublishedAt))),
            "tags" => db.Tags.OrderBy(t => t.Id).Skip(skip).Take(take).Select(t => new TaxonomyRow(
                t.Slug,
                tagged.Where(e => e.OwnerId == t.Id).Max(e => (DateTime?)e.PublishedAt))),
            _ => db.Authors.OrderBy(au => au.Id).Skip(skip).Take(take).Select(au => new TaxonomyRow(
                au.Slug,
                bylines.Where(e => e.OwnerId == au.Id).Max(e => (DateTime?)e.PublishedAt))),
        };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new SitemapEntry(path(row.Slug), row.Last);
        }
    }

    private sealed record TaxonomyRow(string Slug, DateTime? Last);

    /// <summary>A page number from 0 (long: PostgreSQL's ROW_NUMBER is a bigint) and its newest change.</summary>
    private sealed class ArticlePageChange
    {
        public long Page { get; init; }
        public DateTime? LastModified { get; init; }
    }
}