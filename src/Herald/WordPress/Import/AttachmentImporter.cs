using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Media;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>Where an import takes attachment files from: a copy of the uploads folder, their old addresses, or nowhere.</summary>
public sealed class AttachmentFiles(string? folder, MediaFetcher? fetcher)
{
    public static readonly AttachmentFiles None = new(null, null);

    public string? Folder { get; } = folder;
    public MediaFetcher? Fetcher { get; } = fetcher;

    /// <summary>Downloads done and failed so far in this run, for the progress line.</summary>
    public int Fetched { get; set; }
    public int FetchFailed { get; set; }
}

/// <summary>
/// Imports attachment items as media library records. Without a source of files the record keeps
/// the file's old address; with a media folder the file is found by the tail of its URL, with
/// --fetch-media it is downloaded from that URL; either way it is taken in through
/// <see cref="ImageIntake"/> like an upload (checked, stripped, renditions made). A missing,
/// refused or undownloadable file is reported and the record keeps its old address.
/// </summary>
public sealed class AttachmentImporter(HeraldDbContext db, IMediaStore store, SiteWriter writer, TimeProvider clock)
{
    public const string RemotePicturesNote =
        "pictures stay at their old address and will not show until their host is allowed (herald serve --remote-image-hosts) "
        + "or the import is run again with --media DIR or --fetch-media";

    public const string DownloadFailedNote = "attachment downloads that failed (old URL kept)";

    /// <param name="evictLater">Where the cache tags go, for the import to evict once at its end.</param>
    /// <param name="progress">Called after each download with the run's totals so far.</param>
    public async Task ImportAsync(string source, IReadOnlyList<WxrItem> batch, AttachmentFiles files, ImportReport report, InvalidationSet evictLater,
        Action? progress, CancellationToken ct)
    {
        var ids = batch.Select(b => b.PostId).ToList();
        var existing = await db.ImportedItems.AsNoTracking()
            .Where(i => i.Source == source && i.Kind == ImportKeys.Attachment && ids.Contains(i.ExternalId))
            .Select(i => i.ExternalId).ToListAsync(ct);
        var done = existing.ToHashSet();
        var added = new List<(WxrItem Item, MediaItem Row)>();
        foreach (var item in batch.DistinctBy(i => i.PostId))
        {
            if (done.Contains(item.PostId))
            {
                report.AlreadyImported("attachments");
                continue;
            }
            if (BuildRow(item, report) is { } row)
            {
                added.Add((item, row));
            }
        }
        if (added.Count == 0)
        {
            return;
        }
        if (files.Folder is { } folder)
        {
            foreach (var (item, row) in added)
            {
                await FromFolderAsync(item, row, folder, report, ct);
            }
        }
        else if (files.Fetcher is { } fetcher)
        {
            await FetchAsync(added, fetcher, files, report, progress, ct);
        }
        else
        {
            foreach (var (_, row) in added)
            {
                NoteRemote(row.Url, report);
            }
        }
        db.MediaItems.AddRange(added.Select(a => a.Row));
        await writer.CommitAsync(async (tags, token) =>
        {
            await db.SaveChangesAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            db.ImportedItems.AddRange(added.Select(a => new ImportedItem
            {
                Source = source,
                Kind = ImportKeys.Attachment,
                ExternalId = a.Item.PostId,
                HeraldId = a.Row.Id,
                ImportedAt = now,
            }));
            // The WordPress API lists the library (/wp-json/wp/v2/media).
            tags.Add(CacheTags.WordPressApi);
        }, ct, evictLater);
        report.Imported("attachments", added.Count);
        db.ChangeTracker.Clear();
    }

    private MediaItem? BuildRow(WxrItem item, ImportReport report)
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
        return new MediaItem
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
    }

    private static void NoteRemote(string url, ImportReport report)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var remote))
        {
            // Herald's content policy loads pictures from its own host only: say so, rather than import empty boxes in silence.
            report.Note(RemotePicturesNote, remote.GetLeftPart(UriPartial.Authority));
        }
    }

    private async Task FromFolderAsync(WxrItem item, MediaItem row, string mediaFolder, ImportReport report, CancellationToken ct)
    {
        var fileName = FileName(row.Url);
        var file = Locate(mediaFolder, row.Url);
        if (file is null)
        {
            report.Note("attachment files not found in the media folder (old URL kept)", fileName);
            return;
        }
        if (new FileInfo(file).Length > ImageIntake.MaxUploadBytes)
        {
            report.Note("attachment files larger than an upload may be (old URL kept)", fileName);
            return;
        }
        try
        {
            await TakeInAsync(item, row, await File.ReadAllBytesAsync(file, ct), ct);
            report.Imported("attachment files");
        }
        catch (MediaRejectedException e)
        {
            report.Note("attachment files Herald could not take in (old URL kept)", $"{fileName}: {e.Message}");
        }
    }

    /// <summary>
    /// Downloads the batch's files a few at a time. A file already stored from the same address
    /// (by an earlier run, another export of the same site, or another attachment of this batch)
    /// is not downloaded again: its stored copy is shared. Taking a file in runs one at a time,
    /// so memory holds at most the downloads in flight and one picture being resized.
    /// </summary>
    private async Task FetchAsync(List<(WxrItem Item, MediaItem Row)> added, MediaFetcher fetcher, AttachmentFiles files, ImportReport report,
        Action? progress, CancellationToken ct)
    {
        var urls = added.Select(a => a.Row.Url).Distinct().ToList();
        var stored = (await db.MediaItems.AsNoTracking()
                .Where(m => m.SourceUrl != null && urls.Contains(m.SourceUrl) && m.Url.StartsWith(Media.MediaPaths.UrlPrefix + "/"))
                .ToListAsync(ct))
            .DistinctBy(m => m.SourceUrl).ToDictionary(m => m.SourceUrl!, StringComparer.Ordinal);
        var pending = new List<(WxrItem Item, MediaItem Row)>();
        foreach (var (item, row) in added)
        {
            if (stored.TryGetValue(row.Url, out var copy))
            {
                ShareCopy(row, copy);
                report.AlreadyImported("attachment files (stored from the same address)");
            }
            else
            {
                pending.Add((item, row));
            }
        }
        using var intake = new SemaphoreSlim(1, 1);
        var firstOfUrl = new Dictionary<string, MediaItem>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(pending.GroupBy(p => p.Row.Url), new ParallelOptions { MaxDegreeOfParallelism = fetcher.Options.Concurrency, CancellationToken = ct },
            async (sameUrl, token) =>
            {
                var outcome = await fetcher.FetchAsync(sameUrl.Key, token);
                await intake.WaitAsync(token);
                try
                {
                    var failure = outcome.Failure;
                    var (item, row) = sameUrl.First();
                    if (outcome.Bytes is { } bytes)
                    {
                        try
                        {
                            await TakeInAsync(item, row, bytes, token);
                        }
                        catch (MediaRejectedException e)
                        {
                            failure = $"not a picture Herald takes in: {e.Message}";
                        }
                    }
                    if (failure is null)
                    {
                        files.Fetched++;
                        report.Imported("attachment files downloaded");
                        foreach (var (_, twin) in sameUrl.Skip(1))
                        {
                            ShareCopy(twin, row);
                        }
                    }
                    else
                    {
                        files.FetchFailed++;
                        report.Failed(DownloadFailedNote, sameUrl.Key, failure);
                        NoteRemote(sameUrl.Key, report);
                    }
                    progress?.Invoke();
                }
                finally
                {
                    intake.Release();
                }
            });
    }

    private static void ShareCopy(MediaItem row, MediaItem copy)
    {
        row.Url = copy.Url;
        row.ThumbnailUrl = copy.ThumbnailUrl;
        row.Srcset = copy.Srcset;
        row.ContentType = copy.ContentType;
        row.Width = copy.Width;
        row.Height = copy.Height;
        row.Bytes = copy.Bytes;
    }

    /// <summary>The bytes taken in like an upload and stored with their renditions; the row then points at Herald's copy.</summary>
    private async Task TakeInAsync(WxrItem item, MediaItem row, byte[] bytes, CancellationToken ct)
    {
        var image = ImageIntake.Process(bytes);
        // A fixed name per WordPress id: an import resumed after a crash overwrites its own files instead of leaving copies.
        var stem = $"wp/{item.PostId}-{Slugs.From(Path.GetFileNameWithoutExtension(FileName(row.Url)))}";
        var full = await SaveAsync($"{stem}.{image.Extension}", image.Full, ct);
        var sources = new List<(int Width, string Url)>();
        foreach (var (width, rendition) in image.Renditions)
        {
            sources.Add((width, await SaveAsync($"{stem}-{width}.{image.Extension}", rendition, ct)));
        }
        sources.Add((image.Width, full));
        row.Url = full;
        row.ThumbnailUrl = sources[0].Url;
        row.Srcset = string.Join(", ", sources.Select(s => $"{s.Url} {s.Width}w"));
        row.ContentType = image.ContentType;
        row.Width = image.Width;
        row.Height = image.Height;
        row.Bytes = image.Full.LongLength;
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