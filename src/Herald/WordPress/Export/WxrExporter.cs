using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Export;

/// <summary>What one export wrote, for the summary line.</summary>
public sealed record WxrExportSummary(int Authors, int Categories, int Tags, int Stories, int Pages, int Attachments, int Comments, long Bytes);

/// <summary>
/// Writes the whole site as one WXR 1.2 file. Articles are read in id order, a batch at a time
/// and untracked, and written as they come, so memory stays the same whatever the archive's
/// size. The file is written beside its final name and moved into place only when complete:
/// a failed export leaves the previous file (or none), never half of one.
/// </summary>
public sealed class WxrExporter(HeraldDbContext db, TimeProvider clock)
{
    /// <summary>Enough articles per query to amortise its cost; few enough that a batch of long bodies stays small.</summary>
    public const int BatchSize = 200;

    public async Task<WxrExportSummary> ExportAsync(string path, WxrSite site, CancellationToken ct)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new IOException($"Cannot write {path}: the folder {folder} does not exist.");
        }
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"Cannot write {path}: it is a folder.");
        }

        var temporary = fullPath + ".tmp";
        try
        {
            WxrExportSummary summary;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                using (var wxr = new WxrWriter(file))
                {
                    summary = await WriteAsync(wxr, site, ct);
                    wxr.Flush();
                }
                summary = summary with { Bytes = file.Length };
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private async Task<WxrExportSummary> WriteAsync(WxrWriter wxr, WxrSite site, CancellationToken ct)
    {
        var settings = await db.SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        var channel = new WxrChannel(db, wxr, site);
        var items = new WxrItems(wxr, site, settings.TimeZone);

        wxr.StartDocument();
        channel.WriteHeader(settings, clock.GetUtcNow().UtcDateTime);
        var authors = await channel.WriteAuthorsAsync(ct);
        var categories = await channel.WriteCategoriesAsync(ct);
        var tags = await channel.WriteTagsAsync(ct);

        // Attachments before the articles that show them, so a reader of the file meets an
        // image before the _thumbnail_id that names it.
        var attachments = await WriteMediaLibraryAsync(items, ct);
        var (stories, pages, featured, comments) = await WriteArticlesAsync(items, ct);
        wxr.EndDocument();
        return new WxrExportSummary(authors, categories, tags, stories, pages, attachments + featured, comments, 0);
    }

    private async Task<int> WriteMediaLibraryAsync(WxrItems items, CancellationToken ct)
    {
        // Whose upload it was, as a byline login, for dc:creator; staff without a byline leave it empty.
        var loginOfUser = await db.Authors.AsNoTracking().Where(a => a.UserId != null)
            .Select(a => new { a.UserId, a.Slug }).ToListAsync(ct);
        var logins = loginOfUser.GroupBy(a => a.UserId!).ToDictionary(g => g.Key, g => g.First().Slug);

        var count = 0;
        var last = 0;
        while (true)
        {
            var batch = await db.MediaItems.AsNoTracking().Where(m => m.Id > last).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var item in batch)
            {
                items.WriteAttachment(item, item.UploadedByUserId is { } user ? logins.GetValueOrDefault(user, "") : "");
            }
            count += batch.Count;
            if (batch.Count < BatchSize)
            {
                return count;
            }
            last = batch[^1].Id;
        }
    }

    private async Task<(int Stories, int Pages, int Featured, int Comments)> WriteArticlesAsync(WxrItems items, CancellationToken ct)
    {
        int stories = 0, pages = 0, featured = 0, comments = 0;
        var last = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking().WithWrittenParts()
                .Where(a => a.Id > last).OrderBy(a => a.Id).Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (stories, pages, featured, comments);
            }
            var ids = batch.Select(a => a.Id).ToList();
            var commentsOf = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).OrderBy(c => c.Id)
                    .Select(c => new ExportedComment(c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorEmail, c.AuthorUrl,
                        c.Body, c.Status, c.Kind, c.CreatedAt))
                    .ToListAsync(ct))
                .ToLookup(c => c.ArticleId);
            var wantedMedia = batch.Select(a => a.FeaturedImage?.MediaItemId).OfType<int>().Distinct().ToList();
            var inLibrary = (await db.MediaItems.AsNoTracking().Where(m => wantedMedia.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct))
                .ToHashSet();

            foreach (var article in batch)
            {
                long? thumbnail = null;
                if (article.FeaturedImage is { } image)
                {
                    if (image.MediaItemId is { } mediaId && inLibrary.Contains(mediaId))
                    {
                        thumbnail = WxrItems.MediaIdOffset + mediaId;
                    }
                    else
                    {
                        thumbnail = items.WriteFeaturedImage(article, image);
                        featured++;
                    }
                }
                var own = commentsOf[article.Id].ToList();
                items.WriteArticle(article, own, thumbnail);
                comments += own.Count;
                if (article.Kind == ArticleKind.Page)
                {
                    pages++;
                }
                else
                {
                    stories++;
                }
            }
            last = batch[^1].Id;
        }
    }
}