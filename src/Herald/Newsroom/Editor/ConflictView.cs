using Herald.Articles;
using Herald.Newsroom.Revisions;

namespace Herald.Newsroom.Editor;

/// <summary>Both versions of an article two people saved at once, and how they differ.</summary>
public sealed record ConflictView(
    string SavedBy, DateTime? SavedAt, string TheirHeadline, string? TheirDek, string TheirBody,
    IReadOnlyList<DiffPiece> HeadlineDiff, IReadOnlyList<DiffPiece> DekDiff, IReadOnlyList<DiffPiece> BodyDiff)
{
    /// <summary>Set when both sets of changes were joined into the editor; null when they clash.</summary>
    public StoryMerge? Merged { get; init; }

    /// <summary>Whether the version the second editor opened was known, so a merge could be tried.</summary>
    public bool MergeTried { get; init; }

    public static ConflictView Between(Article theirs, ArticleRevision? theirRevision, ArticleForm yours) => new(
        theirRevision?.UserName ?? "someone",
        theirRevision?.CreatedAt ?? theirs.EditedAt,
        theirs.Headline,
        theirs.Dek,
        theirs.BodySource,
        WordDiff.Compare(theirs.Headline, yours.Headline),
        WordDiff.Compare(theirs.Dek, yours.Dek),
        WordDiff.Compare(theirs.BodySource, yours.Body));
}