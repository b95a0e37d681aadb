using Herald.Newsroom.Media;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Editor;

public sealed record Choice(int Id, string Name);

/// <summary>What the editor's pickers offer: people for the byline, sections, recent pictures.</summary>
public sealed record EditorChoices(IReadOnlyList<Choice> Authors, IReadOnlyList<Choice> Categories, IReadOnlyList<MediaChoice> Media)
{
    private const int RecentMedia = 100;

    public static async Task<EditorChoices> LoadAsync(HeraldDbContext db, int? selectedMediaId, CancellationToken ct)
    {
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        var media = await MediaPicker.FindAsync(db, null, RecentMedia, selectedMediaId, ct);
        return new EditorChoices(authors, categories, media);
    }
}