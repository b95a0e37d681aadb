using System.Text.RegularExpressions;
using DiffPlex;

namespace Herald.Newsroom.Revisions;

public enum DiffOperation
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPiece(DiffOperation Operation, string Text);

/// <summary>
/// A word-by-word comparison of two texts for people: spaces and line breaks are kept as they
/// were, and runs of the same operation are joined so the page shows phrases, not tokens.
/// </summary>
public static partial class WordDiff
{
    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, new WordAndSpaceChunker());
        var old = result.PiecesOld.ToArray();
        var @new = result.PiecesNew.ToArray();
        var pieces = new List<DiffPiece>();
        var (oldIndex, newIndex) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++, newIndex++)
            {
                Add(pieces, DiffOperation.Same, old[oldIndex]);
            }
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Add(pieces, DiffOperation.Removed, old[oldIndex++]);
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                Add(pieces, DiffOperation.Added, @new[newIndex++]);
            }
        }
        for (; oldIndex < old.Length; oldIndex++)
        {
            Add(pieces, DiffOperation.Same, old[oldIndex]);
        }
        return pieces;
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Operation != DiffOperation.Same);

    private static void Add(List<DiffPiece> pieces, DiffOperation operation, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Operation == operation)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(operation, text));
        }
    }

    [GeneratedRegex(@"\s+|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    /// <summary>Words, runs of white space and single punctuation marks, each a piece of its own.</summary>
    private sealed class WordAndSpaceChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => Tokens().Matches(text).Select(m => m.Value).ToArray();
    }
}