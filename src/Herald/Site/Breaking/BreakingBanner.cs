namespace Herald.Site.Breaking;

/// <summary>What the banner shows, as loaded: the story's headline and address, and until when.</summary>
public sealed record BreakingBanner(int ArticleId, string Headline, string Url, DateTime RaisedAt, DateTime? ExpiresAt, string RaisedBy)
{
    /// <summary>Whether readers see it at <paramref name="nowUtc"/>: an expired banner is never shown, even before its row is cleared.</summary>
    public bool IsShownAt(DateTime nowUtc) => ExpiresAt is not { } until || nowUtc < until;
}