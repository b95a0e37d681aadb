using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Media;

/// <summary>
/// One picture as a picker offers it. Two uploads of "photo.jpg" are told apart by what a person
/// can see: the thumbnail, the size in pixels and when each was uploaded.
/// </summary>
public sealed record MediaChoice(int Id, string Name, string ThumbnailUrl, string Alt, string? Caption, string? Credit, int Width, int Height, DateTime UploadedAt,
    int FocusX = Herald.Media.FocalPoint.Middle, int FocusY = Herald.Media.FocalPoint.Middle)
{
    /// <summary>The classes that crop the picture's previews around its focal point.</summary>
    public string FocusClasses => Herald.Media.FocalPoint.Classes(FocusX, FocusY);

    public string Details(TimeZoneInfo zone) => $"{Width} × {Height} · {Display.DateAndTime(UploadedAt, zone)}";

    /// <summary>The text of a plain select's option, for pages without script.</summary>
    public string Label(TimeZoneInfo zone) => $"{Name} · {Details(zone)}";
}

/// <summary>Finds pictures in the library by file name, alt text or caption, newest first.</summary>
public static class MediaPicker
{
    public const int MaxQuery = 100;
    public const int PageSize = 48;

    /// <summary>Newest first; a chosen picture first of all, so a list that is cut short still holds it.</summary>
    public static async Task<IReadOnlyList<MediaChoice>> FindAsync(HeraldDbContext db, string? query, int take, int? chosenId, CancellationToken ct)
    {
        var items = db.MediaItems.AsNoTracking();
        var words = (query ?? "").Trim().ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        foreach (var word in words)
        {
            // Lower-cased on both sides: the same meaning in SQLite and PostgreSQL, whose LIKE differ on case.
            items = items.Where(m => m.OriginalName.ToLower().Contains(word) || m.Alt.ToLower().Contains(word)
                || (m.Caption != null && m.Caption.ToLower().Contains(word)));
        }
        return await items
            .OrderByDescending(m => m.Id == chosenId).ThenByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new MediaChoice(m.Id, m.OriginalName, m.ThumbnailUrl, m.Alt, m.Caption, m.Credit, m.Width, m.Height, m.UploadedAt, m.FocusX, m.FocusY))
            .ToListAsync(ct);
    }
}