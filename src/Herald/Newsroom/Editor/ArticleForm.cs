using System.ComponentModel.DataAnnotations;
using Herald.Articles;

namespace Herald.Newsroom.Editor;

/// <summary>
/// Everything the editor form sends. Each text has a limit with a message a person can act on;
/// the limits are <see cref="ArticleLimits"/>, which the database columns follow too, so nothing is
/// cut off silently. (Attribute messages cannot format a constant; ArticleLimitsTests hold each
/// message to its limit.)
/// </summary>
public sealed class ArticleForm
{
    public int Id { get; set; }

    /// <summary>The article's version when this form was loaded; a save from an older one is a conflict.</summary>
    public int Version { get; set; }

    [StringLength(ArticleLimits.Headline, ErrorMessage = "A headline has at most 300 characters.")]
    public string? Headline { get; set; }

    [StringLength(ArticleLimits.Dek, ErrorMessage = "The standfirst (dek) has at most 600 characters.")]
    public string? Dek { get; set; }

    [StringLength(ArticleLimits.Slug, ErrorMessage = "A slug has at most 200 characters.")]
    public string? Slug { get; set; }

    [StringLength(ArticleLimits.TypedBody, ErrorMessage = "The body has at most 200,000 characters; split the story in two.")]
    public string? Body { get; set; }

    [StringLength(ArticleLimits.Excerpt, ErrorMessage = "An excerpt has at most 1,000 characters.")]
    public string? Excerpt { get; set; }

    public List<int> AuthorIds { get; set; } = [];
    public List<int> CategoryIds { get; set; } = [];
    public int? PrimaryCategoryId { get; set; }

    [StringLength(ArticleLimits.TagField, ErrorMessage = "Tags take at most 1,000 characters in all.")]
    public string? Tags { get; set; }

    public int? FeaturedMediaId { get; set; }

    [StringLength(ArticleLimits.ImageAlt, ErrorMessage = "Alt text has at most 500 characters.")]
    public string? FeaturedAlt { get; set; }

    [StringLength(ArticleLimits.ImageCaption, ErrorMessage = "A caption has at most 1,000 characters.")]
    public string? FeaturedCaption { get; set; }

    [StringLength(ArticleLimits.ImageCredit, ErrorMessage = "A credit has at most 300 characters.")]
    public string? FeaturedCredit { get; set; }

    public CommentStatus CommentStatus { get; set; }

    /// <summary>Kept at the top of the home page; only editors change it.</summary>
    public bool IsSticky { get; set; }

    /// <summary>What readers must give to read the story; empty: anyone may. Only someone who may publish it changes it.</summary>
    [StringLength(ArticleLimits.Password, ErrorMessage = "A story's password has at most 255 characters.")]
    public string? Password { get; set; }

    /// <summary>A local date and time in the site's zone, as a datetime-local input sends it.</summary>
    [StringLength(40, ErrorMessage = "Enter the time as a date and a time.")]
    public string? ScheduleAt { get; set; }

    /// <summary>The tag names typed, split on commas, trimmed and without repeats.</summary>
    public IReadOnlyList<string> TagNames() => (Tags ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    public static ArticleForm From(Article article) => new()
    {
        Id = article.Id,
        Version = article.Version,
        Headline = article.Headline,
        Dek = article.Dek,
        Slug = article.Slug,
        Body = article.BodySource,
        Excerpt = article.Excerpt,
        AuthorIds = article.Authors.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList(),
        CategoryIds = article.Categories.Select(c => c.Id).ToList(),
        PrimaryCategoryId = article.PrimaryCategoryId,
        Tags = string.Join(", ", article.Tags.OrderBy(t => t.Name).Select(t => t.Name)),
        FeaturedMediaId = article.FeaturedImage?.MediaItemId,
        FeaturedAlt = article.FeaturedImage?.Alt,
        FeaturedCaption = article.FeaturedImage?.Caption,
        FeaturedCredit = article.FeaturedImage?.Credit,
        CommentStatus = article.CommentStatus,
        IsSticky = article.IsSticky,
        Password = article.Password,
    };
}