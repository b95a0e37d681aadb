namespace Herald.Comments;

/// <summary>
/// A comment as the public may see it: on pages, in feeds and in the visitor's own state.
/// It has no e-mail field, so no public output built from it can carry one.
/// </summary>
public sealed record PublicComment(
    int Id,
    int ArticleId,
    int? ParentId,
    string AuthorName,
    string? AuthorUrl,
    string AvatarKey,
    string Body,
    DateTime CreatedAt,
    bool ByStaff)
{
    public string Anchor => $"comment-{Id}";
    public string AvatarUrl => $"/comments/avatar/{AvatarKey}.svg";
}

/// <summary>A comment with its replies, in the order they were written.</summary>
public sealed record CommentNode(PublicComment Comment, IReadOnlyList<CommentNode> Replies);

public static class CommentThreads
{
    /// <summary>Builds the reply tree; a reply whose parent is not shown becomes top-level rather than vanish.</summary>
    public static IReadOnlyList<CommentNode> Build(IReadOnlyList<PublicComment> comments)
    {
        var shown = comments.Select(c => c.Id).ToHashSet();
        var children = comments.ToLookup(c => c.ParentId is { } p && shown.Contains(p) ? p : (int?)null);
        IReadOnlyList<CommentNode> Level(int? parent) =>
            children[parent].Select(c => new CommentNode(c, Level(c.Id))).ToList();
        return Level(null);
    }
}