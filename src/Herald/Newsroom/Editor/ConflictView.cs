using Herald.Articles;
using Herald.Newsroom.Revisions;

namespace Herald.Newsroom.Editor;

/// <summary>Both versions of an article two people saved at once, and how they differ.</summary>
public sealed record ConflictView(
    string SavedBy, DateTime? SavedAt, string TheirHeadline, string? TheirDek, string TheirBody,
    IReadOnlyList<DiffPiece> HeadlineDiff, IReadOnlyList<DiffPiece> DekDiff, IReadOnlyList<DiffPiece> BodyDiff)
{
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