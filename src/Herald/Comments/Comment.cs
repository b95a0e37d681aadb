using Herald.Articles;

namespace Herald.Comments;

/// <summary>
/// A reader's reply under an article. The e-mail address is stored for the newsroom only:
/// no public shape (<see cref="PublicComment"/>) carries it.
/// </summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }

    /// <summary>0 for a top-level comment, parent's depth + 1 for a reply.</summary>
    public int Depth { get; set; }
    public required string AuthorName { get; set; }
    public required string AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public required string Body
    {
        get => body;
        set
        {
            body = value;
            BodyHash = CommentText.Fingerprint(value);
        }
    }

    // Stored data is read into the field, past the setter: the fingerprint comes with it from its own column.
    private string body = "";

    /// <summary>
    /// A fingerprint of <see cref="Body"/>, kept with it whenever the body is set, so that the
    /// duplicate check finds the same words on a story through an index instead of reading every
    /// comment on the story (which grew with each comment).
    /// </summary>
    public string BodyHash { get; private set; } = "";
    public ModerationStatus Status { get; set; } = ModerationStatus.Pending;

    /// <summary>A reader's comment, or a notice that another site linked here (imported from WordPress).</summary>
    public CommentKind Kind { get; set; } = CommentKind.Comment;

    /// <summary>Why the comment has its status, in words a moderator reads: "first comment", "3 links".</summary>
    public string StatusReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ModeratedAt { get; set; }

    /// <summary>Keyed hash of the client address: enough to group abuse, useless to identify anyone.</summary>
    public string ClientHash { get; set; } = "";

    /// <summary>Keyed hash of the visitor's own comment cookie, so they alone see it while it is held.</summary>
    public string OwnerHash { get; set; } = "";

    /// <summary>Keyed hash of the lower-cased e-mail: finds earlier approved comments and draws the avatar.</summary>
    public string EmailHash { get; set; } = "";

    /// <summary>Names the generated avatar; a keyed hash of <see cref="EmailHash"/>, so it says nothing of the address.</summary>
    public string AvatarKey { get; set; } = "";

    /// <summary>Set when newsroom staff wrote the comment from the moderation queue.</summary>
    public string? StaffUserId { get; set; }

    /// <summary>What the classifier last learned from this comment, so a changed mind can be unlearned.</summary>
    public TrainedAs TrainedAs { get; set; } = TrainedAs.Nothing;
}

public enum ModerationStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Trash = 3,
}

public enum CommentKind
{
    Comment = 0,
    Pingback = 1,
    Trackback = 2,
}

public enum TrainedAs
{
    Nothing = 0,
    Ham = 1,
    Spam = 2,
}

/// <summary>One word the classifier has seen, with how often in spam and in approved comments.</summary>
public sealed class SpamToken
{
    public required string Token { get; set; }
    public int SpamCount { get; set; }
    public int HamCount { get; set; }
}

/// <summary>A named secret generated once per site (HMAC keys for avatars, stamps, hashes).</summary>
public sealed class SiteSecret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}