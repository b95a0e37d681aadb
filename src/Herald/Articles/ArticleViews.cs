namespace Herald.Articles;

/// <summary>
/// An article as a list shows it: enough for a card, nothing more. A password-protected story
/// (<paramref name="IsProtected"/>) comes without its dek and excerpt.
/// </summary>
public sealed record ArticleSummary(
    int Id,
    string Slug,
    string Headline,
    string? Dek,
    string? Excerpt,
    DateTime PublishedAt,
    DateTime? UpdatedAt,
    int WordCount,
    string? CategoryName,
    string? CategorySlug,
    string? ImageUrl,
    string? ImageAlt,
    IReadOnlyList<BylineName> Authors,
    int CommentCount = 0,
    string? ImageSrcset = null,
    bool IsProtected = false,
    int ImageFocusX = Media.FocalPoint.Middle,
    int ImageFocusY = Media.FocalPoint.Middle)
{
    public string Url(TimeZoneInfo zone) => ArticleUrls.For(PublishedAt, Slug, zone);

    /// <summary>The classes that keep the picture's focal point in view when the card crops it.</summary>
    public string ImageFocusClasses => Media.FocalPoint.Classes(ImageFocusX, ImageFocusY);
}

public static class CommentCounts
{
    public static string Label(int count) => count switch { 0 => "No comments", 1 => "1 comment", _ => $"{count:N0} comments" };
}

public sealed record BylineName(string Name, string Slug);

/// <summary>One page of a list plus what the pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class ReadingTime
{
    /// <summary>Reading time at a steady 230 words a minute, never less than one minute.</summary>
    public static int Minutes(int wordCount) => Math.Max(1, (int)Math.Round(wordCount / 230.0));
}