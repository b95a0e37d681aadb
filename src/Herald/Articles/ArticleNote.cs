namespace Herald.Articles;

public enum ArticleNoteKind
{
    /// <summary>Something the story got wrong, put right: shown as such and in JSON-LD as a CorrectionComment.</summary>
    Correction = 0,

    /// <summary>News that came after publication (a reply, a new figure): the story says it changed and when.</summary>
    Update = 1,
}

/// <summary>
/// A dated correction or update appended to a published story. Notes are only ever added, never
/// edited or removed: a newsroom's record of what it got wrong stays on the page.
/// </summary>
public sealed class ArticleNote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public ArticleNoteKind Kind { get; set; }

    /// <summary>Plain text, at most <see cref="ArticleLimits.NoteText"/> characters.</summary>
    public required string Text { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>The editor's name as the newsroom shows it; not shown to readers.</summary>
    public string AddedBy { get; set; } = "";
}