using System.Diagnostics;
using Herald.Comments;
using Herald.Hosting.Invalidation;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

public sealed record WxrImportOptions(string File, string? MediaFolder, bool SkipAnalysis, int BatchSize = WxrImporter.DefaultBatchSize)
{
    /// <summary>Set, attachment files are downloaded from their old addresses (--fetch-media).</summary>
    public MediaFetchOptions? FetchMedia { get; init; }
}

/// <summary>
/// `herald import wxr`: a first pass checks the whole file and counts it, writing nothing; then
/// the channel head (authors, categories, tags), the attachments and the posts and pages are
/// imported in committed batches, each with its <see cref="ImportedItem"/> rows; then, unless
/// skipped, the imported stories are analysed and indexed. Every step skips what a previous run
/// already did, so running it again, or after a crash, ends where one clean run would.
/// </summary>
/// <remarks>
/// Each committed batch writes its row of the invalidation journal, so a Herald serving this
/// database shows the imported stories within a second of their batch; this process evicts its
/// own caches once, at the end.
/// </remarks>
public sealed class WxrImporter(IServiceScopeFactory scopes, CommentKeys commentKeys, SiteState site)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Menu items kept for the menus: far more than two menus hold, so an export cannot fill memory with them.</summary>
    private const int MaxMenuItems = 10_000;

    public async Task<ImportReport> RunAsync(WxrImportOptions options, ImportProgress progress, CancellationToken ct)
    {
        var report = new ImportReport();
        var clock = Stopwatch.StartNew();
        var scan = WxrScan.Run(options.File, read => progress.Report("checking", read, 0));
        progress.Report("checking", scan.Items, scan.Items, force: true);
        progress.Finish();

        var evictLater = new InvalidationSet();
        try
        {
            var maps = await ImportHeadAsync(options.File, scan.Source, report, evictLater, ct);
            await ImportAttachmentsAsync(options, scan, report, progress, evictLater, ct);
            await ImportPostsAsync(options, scan, maps, report, progress, evictLater, ct);
            report.ImportTime = clock.Elapsed;

            if (options.SkipAnalysis)
            {
                report.AnalysisSkipped = true;
                return report;
            }
            clock.Restart();
            report.AnalysedStories = await new ImportAnalysis(scopes).RunAsync(scan.Source, progress, evictLater, ct);
            progress.Finish();
            report.AnalysisTime = clock.Elapsed;
            return report;
        }
        finally
        {
            // What committed is evicted, even when a later batch failed.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SiteWriter>().EvictAsync(evictLater, CancellationToken.None);
        }
    }

    private async Task<TermMaps> ImportHeadAsync(string file, string source, ImportReport report, InvalidationSet evictLater, CancellationToken ct)
    {
        var authors = new List<WxrAuthor>();
        var terms = new List<WxrTerm>();
        foreach (var record in WxrReader.Read(file))
        {
            if (record is WxrItem)
            {
                break;
            }
            if (record is WxrAuthor author)
            {
                authors.Add(author);
            }
            else if (record is WxrTerm term)
            {
                terms.Add(term);
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<TermImporter>(scope.ServiceProvider).ImportAsync(source, authors, terms, report, evictLater, ct);
    }

    private async Task ImportAttachmentsAsync(WxrImportOptions options, WxrScan scan, ImportReport report, ImportProgress progress,
        InvalidationSet evictLater, CancellationToken ct)
    {
        if (scan.Attachments == 0)
        {
            return;
        }
        using var fetcher = options.FetchMedia is { } fetch ? new MediaFetcher(fetch) : null;
        var files = new AttachmentFiles(options.MediaFolder, fetcher);
        Action? downloaded = fetcher is null ? null : () => progress.Report("downloads", files.Fetched + files.FetchFailed, scan.Attachments,
            detail: files.FetchFailed > 0 ? $"{files.FetchFailed} failed" : null);
        var batch = new List<WxrItem>();
        var done = 0;
        // Downloads commit in small batches: an import stopped half-way loses few of them.
        var size = fetcher is null ? Math.Max(1, options.BatchSize / 5) : Math.Clamp(options.BatchSize / 5, 1, 20);
        foreach (var item in WxrReader.Read(options.File).OfType<WxrItem>().Where(i => i.PostType == "attachment"))
        {
            batch.Add(item);
            if (batch.Count >= size)
            {
                done += await FlushAttachmentsAsync(batch, files, scan.Source, report, evictLater, downloaded, ct);
                progress.Report("attachments", done, scan.Attachments);
            }
        }
        done += await FlushAttachmentsAsync(batch, files, scan.Source, report, evictLater, downloaded, ct);
        progress.Report("attachments", done, scan.Attachments, force: true);
        progress.Finish();
        if (fetcher is not null)
        {
            progress.Report("downloads", files.Fetched + files.FetchFailed, files.Fetched + files.FetchFailed, force: true,
                detail: $"{files.Fetched} stored, {files.FetchFailed} failed");
            progress.Finish();
        }
    }

    private async Task<int> FlushAttachmentsAsync(List<WxrItem> batch, AttachmentFiles files, string source, ImportReport report,
        InvalidationSet evictLater, Action? downloaded, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<AttachmentImporter>(scope.ServiceProvider).ImportAsync(source, batch, files, report, evictLater, downloaded, ct);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private async Task ImportPostsAsync(WxrImportOptions options, WxrScan scan, TermMaps maps, ImportReport report, ImportProgress progress,
        InvalidationSet evictLater, CancellationToken ct)
    {
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var state = new PostImportState(scan.Source, maps, scan, await commentKeys.GetAsync(ct), zone);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await foreach (var slug in db.Articles.AsNoTracking().Select(a => a.Slug).AsAsyncEnumerable().WithCancellation(ct))
            {
                state.Slugs.Add(slug);
            }
            foreach (var pair in await db.ImportedItems.AsNoTracking()
                         .Where(i => i.Source == scan.Source && i.Kind == ImportKeys.Attachment)
                         .Select(i => new { i.ExternalId, i.HeraldId }).ToListAsync(ct))
            {
                state.Attachments[pair.ExternalId] = pair.HeraldId;
            }
            // Attachments Herald holds a copy of (from --media or --fetch-media, this run or an earlier one): bodies are pointed at them.
            var copies = from imported in db.ImportedItems
                         where imported.Source == scan.Source && imported.Kind == ImportKeys.Attachment
                         join media in db.MediaItems on imported.HeraldId equals media.Id
                         where media.SourceUrl != null && media.Url != media.SourceUrl
                         select new { media.SourceUrl, media.Url, media.Srcset };
            foreach (var copy in await copies.AsNoTracking().ToListAsync(ct))
            {
                state.Links.Add(copy.SourceUrl!, copy.Url, copy.Srcset);
            }
        }

        var total = scan.Posts + scan.Pages + scan.OtherItems;
        var seen = 0;
        var batch = new List<WxrItem>();
        // Menu items are few (a site's menus), and link to posts that may come later in the file: imported last.
        var menuItems = new List<WxrItem>();
        foreach (var item in WxrReader.Read(options.File).OfType<WxrItem>())
        {
            if (item.MarkupFlattened)
            {
                report.Note($"items with XML elements nested more than {WxrReader.MaxElementDepth} deep (read as their text)", $"{item.File}:{item.Line}:{item.Column}");
            }
            if (item.PostType == "attachment")
            {
                continue;
            }
            seen++;
            if (item.PostType == "nav_menu_item" && menuItems.Count < MaxMenuItems)
            {
                menuItems.Add(item);
                continue;
            }
            if (item.PostType is not ("post" or "page"))
            {
                report.Skipped($"{item.PostType} items (not content Herald imports)");
                continue;
            }
            batch.Add(item);
            if (batch.Count >= options.BatchSize)
            {
                await FlushPostsAsync(batch, state, report, evictLater, ct);
                progress.Report("items", seen, total);
            }
        }
        await FlushPostsAsync(batch, state, report, evictLater, ct);
        progress.Report("items", seen, total, force: true);
        progress.Finish();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<MenuImporter>(scope.ServiceProvider).ImportAsync(scan.Source, menuItems, report, evictLater, ct);
        }
    }

    private async Task FlushPostsAsync(List<WxrItem> batch, PostImportState state, ImportReport report, InvalidationSet evictLater, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<PostImporter>(scope.ServiceProvider).ImportAsync(batch, state, report, evictLater, ct);
        batch.Clear();
    }
}