using System.Globalization;
using Herald.Articles;

namespace Herald.Newsroom.Editor;

/// <summary>
/// The length of a story as the writer sees it beside the editor: words counted the way the stored
/// word count is (the rendered plain text, figures left out), and a reading time. The server writes
/// both into the page and into every preview answer, so the numbers are the same with or without script.
/// </summary>
public sealed record BodyLength(int Words)
{
    public const string WordsHeader = "Herald-Words";
    public const string ReadingTimeHeader = "Herald-Reading-Time";

    public static BodyLength Of(RenderedBody rendered) => new(MarkdownRenderer.CountWords(rendered.PlainText));

    /// <summary>The reading time the public page shows for the same words.</summary>
    public int Minutes => ReadingTime.Minutes(Words);

    public string WordsText => Words == 1 ? "1 word" : string.Create(CultureInfo.InvariantCulture, $"{Words:N0} words");

    public string ReadingTimeText => Words == 0
        ? "nothing to read yet"
        : string.Create(CultureInfo.InvariantCulture, $"{Minutes} min read");
}