using System.Globalization;
using Herald.Articles;

namespace Herald.Newsroom.Editor;

/// <summary>
/// How the story will look in a search result and on a shared card: the page's title (headline and
/// site name, as the public page's title element writes it) and its description (the standfirst,
/// else the excerpt, else the excerpt Herald makes from the body), with the lengths search engines
/// show before they cut. The editor's script words its live warnings the same way.
/// </summary>
public sealed record SearchSnippet(string Title, string Description)
{
    /// <summary>About what a results page shows of a title before cutting it.</summary>
    public const int TitleLimit = 60;

    /// <summary>About what a results page shows of a description before cutting it.</summary>
    public const int DescriptionLimit = 155;

    public static SearchSnippet For(ArticleForm form, string siteTitle, string bodyPlainText)
    {
        var headline = form.Headline?.Trim() ?? "";
        var title = headline.Length == 0 ? siteTitle : $"{headline} – {siteTitle}";
        var description = Blank(form.Dek) ?? Blank(form.Excerpt) ?? MarkdownRenderer.MakeExcerpt(bodyPlainText);
        return new SearchSnippet(title, description);
    }

    public bool TitleTooLong => Title.Length > TitleLimit;

    public bool DescriptionTooLong => Description.Length > DescriptionLimit;

    public string TitleNote => TitleTooLong
        ? string.Create(CultureInfo.InvariantCulture, $"The title is {Title.Length} characters; search results show about {TitleLimit}, so the end is cut off. Shorten the headline.")
        : string.Create(CultureInfo.InvariantCulture, $"Title: {Title.Length} of about {TitleLimit} characters.");

    public string DescriptionNote => Description.Length == 0
        ? "No description yet: write a standfirst or an excerpt."
        : DescriptionTooLong
            ? string.Create(CultureInfo.InvariantCulture, $"The description is {Description.Length} characters; search results show about {DescriptionLimit}, so the end is cut off. Shorten the standfirst or write an excerpt.")
            : string.Create(CultureInfo.InvariantCulture, $"Description: {Description.Length} of about {DescriptionLimit} characters.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}