using System.Security.Cryptography;
using Herald.Articles;
using Herald.Media;
using Herald.Storage;

namespace Herald.Newsroom.Media;

public sealed record UploadText(string? Alt, string? Caption, string? Credit);

/// <summary>Checks an upload, stores the picture and its renditions, and records it in the library.</summary>
public sealed class MediaLibrary(HeraldDbContext db, IMediaStore store, TimeProvider clock, Hosting.Invalidation.SiteWriter writer)
{
    public async Task<MediaItem> UploadAsync(IFormFile file, UploadText text, StaffMember by, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            throw new MediaRejectedException(400, "The file is empty. Choose the picture again.");
        }
        if (file.Length > ImageIntake.MaxUploadBytes)
        {
            throw new MediaRejectedException(413, $"The file is {file.Length / (1024.0 * 1024):0.0} MB; images may be at most {ImageIntake.MaxUploadBytes / (1024 * 1024)} MB. Make it smaller and upload it again.");
        }
        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        // Decoding is CPU work; keep it off the request thread's synchronization context.
        var image = await Task.Run(() => ImageIntake.Process(bytes), ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var name = Path.GetFileNameWithoutExtension(file.FileName);
        var stem = $"{now:yyyy}/{now:MM}/{Slugs.From(name.Length > 60 ? name[..60] : name)}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var url = await SaveAsync($"{stem}.{image.Extension}", image.Full, ct);
        var sources = new List<(int Width, string Url)>();
        foreach (var (width, rendition) in image.Renditions)
        {
            sources.Add((width, await SaveAsync($"{stem}-{width}.{image.Extension}", rendition, ct)));
        }
        sources.Add((image.Width, url));

        var item = new MediaItem
        {
            OriginalName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } original ? original : "upload",
            Url = url,
            ThumbnailUrl = sources[0].Url,
            Srcset = string.Join(", ", sources.Select(s => $"{s.Url} {s.Width}w")),
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            Bytes = image.Full.LongLength,
            Alt = text.Alt?.Trim() ?? "",
            Caption = Blank(text.Caption),
            Credit = Blank(text.Credit),
            UploadedByUserId = by.UserId,
            UploadedByName = by.Name,
            UploadedAt = now,
        };
        db.MediaItems.Add(item);
        // The WordPress API lists the library (/wp-json/wp/v2/media).
        await writer.SaveChangesAsync([Hosting.CacheTags.WordPressApi], ct);
        return item;
    }

    private async Task<string> SaveAsync(string path, byte[] bytes, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await store.SaveAsync(path, content, ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}