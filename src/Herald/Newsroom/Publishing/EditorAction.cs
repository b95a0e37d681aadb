namespace Herald.Newsroom.Publishing;

/// <summary>The buttons under the editor; each is one step of the workflow.</summary>
public enum EditorAction
{
    Save,
    Submit,
    Publish,
    Schedule,
    Unpublish,
}

/// <summary>How a write ended. Pages turn each into a status code and a page a person can act on.</summary>
public abstract record PublishOutcome
{
    public sealed record Done(Articles.Article Article) : PublishOutcome;

    /// <summary>Someone else saved since the form was loaded; <paramref name="Current"/> is their version.</summary>
    public sealed record Conflict(Articles.Article Current) : PublishOutcome;

    public sealed record Rejected(IReadOnlyList<string> Problems) : PublishOutcome;

    public sealed record Forbidden : PublishOutcome;

    public sealed record NotFound : PublishOutcome;

    /// <summary>
    /// The step takes a story off the site (or puts it back) and was asked for without the person's
    /// confirmation: nothing changed; <paramref name="Article"/> is what the confirmation names.
    /// </summary>
    public sealed record NeedsConfirmation(Articles.Article Article) : PublishOutcome;

    /// <summary>An older revision of a live story became a pending draft beside it; the story itself did not change.</summary>
    public sealed record Drafted(Articles.Article Article, int DraftId) : PublishOutcome;
}