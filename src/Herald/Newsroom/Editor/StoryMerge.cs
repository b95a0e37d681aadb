using DiffPlex;
using DiffPlex.Chunkers;

namespace Herald.Newsroom.Editor;

/// <summary>
/// Two people's changes to a story since the version the second one opened, joined when they
/// touched different parts: the headline and dek as whole fields, the body line by line (a
/// Markdown paragraph is a line). Where both changed the same part differently there is no merge:
/// the second editor decides with both versions in view.
/// </summary>
public sealed record StoryMerge(string Headline, string? Dek, string Body)
{
    /// <summary>The joined story, or null when both changed the same field or the same lines differently.</summary>
    public static StoryMerge? Of(StoryText opened, StoryText theirs, StoryText yours)
    {
        if (Field(opened.Headline, theirs.Headline, yours.Headline) is not { } headline
            || !TryField(opened.Dek, theirs.Dek, yours.Dek, out var dek))
        {
            return null;
        }
        var body = Lines(opened.Body, theirs.Body, yours.Body);
        return body is null ? null : new StoryMerge(headline, dek, body);
    }

    private static string? Field(string opened, string theirs, string yours) =>
        TryField(opened, theirs, yours, out var joined) ? joined : null;

    private static bool TryField(string? opened, string? theirs, string? yours, out string? joined)
    {
        joined = Same(theirs, opened) ? yours : Same(yours, opened) || Same(yours, theirs) ? theirs : null;
        return Same(theirs, opened) || Same(yours, opened) || Same(yours, theirs);
    }

    private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    private static string? Lines(string opened, string theirs, string yours)
    {
        var merge = ThreeWayDiffer.Instance.CreateMerge(Normal(opened), Normal(yours), Normal(theirs), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        return merge.IsSuccessful ? string.Join('\n', merge.MergedPieces) : null;
    }

    /// <summary>A browser posts CRLF, the database may hold LF: line ends must not count as changes.</summary>
    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>The parts of a story two editors can both change.</summary>
public sealed record StoryText(string Headline, string? Dek, string Body);