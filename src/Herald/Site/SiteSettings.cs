namespace Herald.Site;

/// <summary>One row: what the site calls itself and how it shows time and lists.</summary>
public sealed class SiteSettings
{
    public int Id { get; set; } = 1;
    public string Title { get; set; } = "Herald";
    public string Tagline { get; set; } = "News, written by people you can name.";

    /// <summary>IANA zone used to display times and to read months in archive URLs.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public int PostsPerPage { get; set; } = 10;

    /// <summary>Whether a new article starts with comments open.</summary>
    public bool CommentsOpenByDefault { get; set; } = true;

    /// <summary>Comments close this many days after publication; 0 keeps them open.</summary>
    public int CloseCommentsAfterDays { get; set; }
    /// <summary>Whether feeds carry each article's whole text or only its excerpt.</summary>
    public bool FeedFullText { get; set; }

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}