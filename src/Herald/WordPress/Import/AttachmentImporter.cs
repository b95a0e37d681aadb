using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Media;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>
/// Imports attachment items as media library records. Without a media folder the record keeps
/// the file's old address; with one, the file is found by the tail of its URL and taken in
/// through <see cref="ImageIntake"/> like an upload (checked, stripped, renditions made). A
/// missing or unreadable file is reported and the record keeps its old address.
/// </summary>
public sealed class AttachmentImporter(HeraldDbContext db, IMediaStore store, SiteWriter writer, TimeProvider clock)
{
    public const string RemotePicturesNote =
        "pictures stay at their old address and will not show until their host is allowed (herald serve --remote-image-hosts) "
        + "or the import is run again with --media DIR";

    /// <param name="evictLater">Where the cache tags go, for the import to evict once at its end.</param>
    public async Task ImportAsync(string source, IReadOnlyList<WxrItem> batch, string? mediaFolder, ImportReport report, InvalidationSet evictLater,
        CancellationToken ct)
    {
        var ids = batch.Select(b => b.PostId).ToList();
        var existing = await db.ImportedItems.AsNoTracking()
            .Where(i => i.Source == source && i.Kind == ImportKeys.Attachment && ids.Contains(i.ExternalId))
            .Select(i => i.ExternalId).ToListAsync(ct);
        var done = existing.ToHashSet();
        var added = new List<(long ExternalId, MediaItem Row)>();
        foreach (var item in batch.DistinctBy(i => i.PostId))
        {
            if (done.Contains(item.PostId))
            {
                report.AlreadyImported("attachments");
                continue;
            }
            if (await BuildAsync(item, mediaFolder, report, ct) is not { } row)
            {
                continue;
            }
            db.MediaItems.Add(row);
            added.Add((item.PostId, row));
        }
        if (added.Count == 0)
        {
            return;
        }
        await writer.CommitAsync(async (tags, token) =>
        {
            await db.SaveChangesAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            db.ImportedItems.AddRange(added.Select(a => new ImportedItem
            {
                Source = source,
                Kind = ImportKeys.Attachment,
                ExternalId = a.ExternalId,
                HeraldId = a.Row.Id,
                ImportedAt = now,
            }));
            // The WordPress API lists the library (/wp-json/wp/v2/media).
            tags.Add(CacheTags.WordPressApi);
        }, ct, evictLater);
        report.Imported("attachments", added.Count);
        db.ChangeTracker.Clear();
    }

    private async Task<MediaItem?> BuildAsync(WxrItem item, string? mediaFolder, ImportReport report, CancellationToken ct)
    {
        var url = ImportKeys.Clip(item.AttachmentUrl.Length > 0 ? item.AttachmentUrl : item.Link, 500);
        if (!Hosting.SafeUrls.IsHttpOrRelative(url))
        {
            // The address would become an <img src> and the JSON-LD image: javascript: and data: never may.
            report.Note("attachments whose address is not http(s) or relative (left out)",
                $"{item.File}:{item.Line}:{item.Column}: attachment {item.PostId}");
            return null;
        }
        var fileName = FileName(url);
        var row = new MediaItem
        {
            OriginalName = ImportKeys.Clip(fileName.Length > 0 ? fileName : $"attachment-{item.PostId}", 255),
            Url = url,
            Srcset = "",
            ThumbnailUrl = url,
            ContentType = ContentTypeOf(fileName),
            Alt = ImportKeys.Clip(item.MetaValue("_wp_attachment_image_alt")?.Trim() ?? "", 500),
            Caption = Blank(item.Excerpt, 1000),
            Credit = Blank(item.MetaValue("_herald_credit"), 300),
            UploadedByName = ImportKeys.Clip(item.Creator, 256),
            UploadedAt = item.Date ?? clock.GetUtcNow().UtcDateTime,
            SourceUrl = ImportKeys.Clip(url, 1000),
        };
        if (mediaFolder is null)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var remote))
            {
                // Herald's content policy loads pictures from its own host only: say so, rather than import empty boxes in silence.
                report.Note(RemotePicturesNote, remote.GetLeftPart(UriPartial.Authority));
            }
            return row;
        }
        var file = Locate(mediaFolder, url);
        if (file is null)
        {
            report.Note("attachment files not found in the media folder (old URL kept)", fileName);
            return row;
        }
        if (new FileInfo(file).Length > ImageIntake.MaxUploadBytes)
        {
            report.Note("attachment files larger than an upload may be (old URL kept)", fileName);
            return row;
        }
        ProcessedImage image;
        try
        {
            image = ImageIntake.Process(await File.ReadAllBytesAsync(file, ct));
        }
        catch (MediaRejectedException e)
        {
            report.Note("attachment files Herald could not take in (old URL kept)", $"{fileName}: {e.Message}");
            return row;
        }
        // A fixed name per WordPress id: an import resumed after a crash overwrites its own files instead of leaving copies.
        var stem = $"wp/{item.PostId}-{Slugs.From(Path.GetFileNameWithoutExtension(fileName))}";
        var full = await SaveAsync($"{stem}.{image.Extension}", image.Full, ct);
        var sources = new List<(int Width, string Url)>();
        foreach (var (width, bytes) in image.Renditions)
        {
            sources.Add((width, await SaveAsync($"{stem}-{width}.{image.Extension}", bytes, ct)));
        }
        sources.Add((image.Width, full));
        row.Url = full;
        row.ThumbnailUrl = sources[0].Url;
        row.Srcset = string.Join(", ", sources.Select(s => $"{s.Url} {s.Width}w"));
        row.ContentType = image.ContentType;
        row.Width = image.Width;
        row.Height = image.Height;
        row.Bytes = image.Full.LongLength;
        report.Imported("attachment files");
        return row;
    }

    /// <summary>…/wp-content/uploads/2013/03/x.jpg is looked for as DIR/2013/03/x.jpg, then DIR/x.jpg.</summary>
    public static string? Locate(string folder, string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        path = Uri.UnescapeDataString(path);
        var marker = path.IndexOf("/uploads/", StringComparison.OrdinalIgnoreCase);
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var candidates = new List<string>();
        if (marker >= 0)
        {
            candidates.Add(path[(marker + "/uploads/".Length)..]);
        }
        candidates.Add(Path.GetFileName(path));
        foreach (var candidate in candidates.Where(c => c.Length > 0))
        {
            var full = Path.GetFullPath(Path.Combine(folder, candidate));
            // The URL comes from the file being imported: it must not lead outside the folder.
            if (full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full))
            {
                return full;
            }
        }
        return null;
    }

    private async Task<string> SaveAsync(string path, byte[] bytes, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await store.SaveAsync(path, content, ct);
    }

    private static string FileName(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        return Path.GetFileName(Uri.UnescapeDataString(path));
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".svg" => "image/svg+xml",
        ".mp3" => "audio/mpeg",
        ".mp4" => "video/mp4",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    private static string? Blank(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : ImportKeys.Clip(text.Trim(), max);
}