using Herald.Text;

namespace Herald.Understanding;

/// <summary>Where an entity's topic page lives: /people/, /organisations/ or /places/.</summary>
public static class TopicUrls
{
    public static string Folder(EntityType type) => type switch
    {
        EntityType.Person => "people",
        EntityType.Organization => "organisations",
        _ => "places",
    };

    public static EntityType? TypeOf(string folder) => folder switch
    {
        "people" => EntityType.Person,
        "organisations" => EntityType.Organization,
        "places" => EntityType.Place,
        _ => null,
    };

    public static string For(EntityType type, string slug) => $"/{Folder(type)}/{Uri.EscapeDataString(slug)}";

    /// <summary>
    /// A link to the quote's place in the article: a text fragment (#:~:text=) that browsers
    /// scroll to and highlight, built from the quote's first words.
    /// </summary>
    public static string QuoteLink(string articleUrl, string quoteText)
    {
        var words = quoteText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);
        return $"{articleUrl}#:~:text={Uri.EscapeDataString(string.Join(' ', words)).Replace("-", "%2D", StringComparison.Ordinal)}";
    }
}