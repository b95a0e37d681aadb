namespace Herald.Comments;

/// <summary>Fixed ceilings on what a comment form accepts; the database columns are sized to them.</summary>
public static class CommentLimits
{
    public const int Name = 100;
    public const int Email = 254;
    public const int Url = 500;

    /// <summary>The largest body limit a site may configure (<see cref="CommentOptions.MaxBodyLength"/>).</summary>
    public const int BodyCeiling = 20_000;

    /// <summary>A form post larger than this is refused (413): 4 bytes per character of the largest body, plus the other fields.</summary>
    public const int RequestBytes = (BodyCeiling * 4) + 16 * 1024;

    /// <summary>How much of a refused post is read to give the form back with what fits; the rest is left unread.</summary>
    public const int ReadBytes = 1024 * 1024;
}

/// <summary>How a site runs its comments. Bound from the "Comments" configuration section.</summary>
public sealed class CommentOptions
{
    public const string Section = "Comments";

    /// <summary>Longest comment in characters (WordPress's default is 65,525; a newsroom wants less).</summary>
    public int MaxBodyLength { get; set; } = 5_000;

    /// <summary>How deep replies nest; a reply to the deepest comment is refused.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Comments close this many days after publication; 0 keeps them open.</summary>
    public int CloseAfterDays { get; set; } = 30;

    /// <summary>More links than this hold a comment for moderation (WordPress: 2).</summary>
    public int MaxLinksBeforeHold { get; set; } = 2;

    /// <summary>Hold every comment from an address with no approved comment yet.</summary>
    public bool HoldFirstComment { get; set; } = true;

    /// <summary>Words (or phrases) that hold a comment for a moderator.</summary>
    public List<string> ModerationWords { get; set; } = [];

    /// <summary>Words (or phrases) that send a comment straight to spam.</summary>
    public List<string> BlockWords { get; set; } = [];

    /// <summary>A form sent back sooner than this after it was served is a robot's.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A form stamp older than this has expired; the reader gets the form back to send again.</summary>
    public TimeSpan MaximumFormAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Comment posts allowed per client address per <see cref="RateWindow"/>.</summary>
    public int RatePermits { get; set; } = 5;
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Classifier probability at or above which a comment goes to spam.</summary>
    public double SpamThreshold { get; set; } = 0.95;

    /// <summary>Classifier probability at or above which a comment is held for a moderator.</summary>
    public double HoldThreshold { get; set; } = 0.7;

    /// <summary>Decisions of each kind the classifier needs before its verdicts count.</summary>
    public int ClassifierMinimumExamples { get; set; } = 10;
}