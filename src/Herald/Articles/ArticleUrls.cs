using System.Globalization;
using Herald.Text;

namespace Herald.Articles;

/// <summary>
/// Every public address Herald writes — articles, standing pages, archives, topic pages and
/// feeds — built here and nowhere else, so pages, feeds, sitemaps, metadata, the WordPress API
/// and exports agree. One rule for the final slash: no address ends in one but the home page;
/// a request in the other form is answered 301 to this one (<see cref="WithoutTrailingSlash"/>).
/// </summary>
public static class ArticleUrls
{
    public const string Home = "/";

    /// <summary>The site's RSS feed; each archive has its own under its address.</summary>
    public const string Feed = "/feed";
    public const string AtomFeed = "/feed/atom";

    /// <summary>The newest approved comments across the site.</summary>
    public const string CommentFeed = "/comments/feed";

    /// <summary>The archive kinds that share one page and one feed: a section, a tag, a byline.</summary>
    public static readonly IReadOnlyList<string> ArchiveKinds = ["category", "tag", "author"];

    /// <summary>/{yyyy}/{MM}/{slug}, the year and month as the site's readers saw the date.</summary>
    public static string For(DateTime publishedAtUtc, string slug, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(publishedAtUtc, zone);
        return $"{Month(local.Year, local.Month)}/{Escape(slug)}";
    }

    /// <summary>A story at its dated address, a standing page ("About") at /{slug}.</summary>
    public static string For(ArticleKind kind, DateTime? publishedAtUtc, string slug, TimeZoneInfo zone) =>
        kind == ArticleKind.Page ? Page(slug) : For(publishedAtUtc ?? throw new ArgumentException("A story has an address once it is published.", nameof(publishedAtUtc)), slug, zone);

    public static string Page(string slug) => "/" + Escape(slug);

    public static string Month(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/{year:D4}/{month:D2}");

    /// <param name="kind">One of <see cref="ArchiveKinds"/>.</param>
    public static string Archive(string kind, string slug) => $"/{kind}/{Escape(slug)}";

    public static string Category(string slug) => Archive("category", slug);

    public static string Tag(string slug) => Archive("tag", slug);

    public static string Author(string slug) => Archive("author", slug);

    /// <summary>An archive's own feed: /category/{slug}/feed, and /feed/atom beside it.</summary>
    public static string FeedOf(string archivePath, bool atom = false) => archivePath + (atom ? AtomFeed : Feed);

    /// <summary>The comments on one article, as a feed.</summary>
    public static string CommentFeedOf(string articlePath) => articlePath + CommentFeed;

    /// <summary>The folder of a person's, organisation's or place's topic page.</summary>
    public static string TopicFolder(EntityType type) => type switch
    {
        EntityType.Person => "people",
        EntityType.Organization => "organisations",
        _ => "places",
    };

    public static EntityType? TopicType(string folder) => folder switch
    {
        "people" => EntityType.Person,
        "organisations" => EntityType.Organization,
        "places" => EntityType.Place,
        _ => null,
    };

    public static string Topic(EntityType type, string slug) => $"/{TopicFolder(type)}/{Escape(slug)}";

    /// <summary>
    /// A link to a quote's place in its article: a text fragment (#:~:text=) that browsers
    /// scroll to and highlight, built from the quote's first words.
    /// </summary>
    public static string QuoteIn(string articleUrl, string quoteText)
    {
        var words = quoteText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);
        return $"{articleUrl}#:~:text={Uri.EscapeDataString(string.Join(' ', words)).Replace("-", "%2D", StringComparison.Ordinal)}";
    }

    /// <summary>
    /// The address in Herald's spelling when a request ends in a slash it does not write
    /// ("/category/news/" → "/category/news"); null when the path is already canonical. The
    /// WordPress-compatible API under /wp-json keeps WordPress's spelling, slash included.
    /// </summary>
    public static string? WithoutTrailingSlash(string path)
    {
        if (path.Length <= 1 || !path.EndsWith('/') || path.StartsWith("/wp-json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // Never "//host" or "/\host", which a browser would read as another site.
        return "/" + path.TrimEnd('/').TrimStart('/', '\\');
    }

    private static string Escape(string slug) => Uri.EscapeDataString(slug);
}