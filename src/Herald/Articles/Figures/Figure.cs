using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Articles.Figures;

/// <summary>
/// A picture in a story's body with the words that must travel with it. In the Markdown it is a
/// fenced block whose fields are lines a writer can read and change by hand:
/// <code>
/// ::: figure
/// ![Alt text](/media/2026/05/harbour.jpg)
/// Caption: Boats leave the harbour at dawn.
/// Credit: Jan Vos
/// :::
/// </code>
/// The image line is a plain Markdown image (alt text escapes <c>\</c>, <c>[</c> and <c>]</c> with a
/// backslash), so the block still reads as a picture in any Markdown tool; caption and credit are
/// one line each and may carry inline Markdown. The editor gets the block it inserts from the
/// server (Newsroom/Editor/FigureUpload), so this is the one writer of the form.
/// </summary>
public sealed partial record Figure(string Url, string Alt, string? Caption, string? Credit)
{
    public const string Opening = "::: figure";
    public const string Closing = ":::";
    private const string CaptionField = "Caption:";
    private const string CreditField = "Credit:";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(Opening).Append('\n');
        text.Append("![").Append(EscapeAlt(OneLine(Alt))).Append("](").Append(Url).Append(")\n");
        if (!string.IsNullOrWhiteSpace(Caption))
        {
            text.Append(CaptionField).Append(' ').Append(OneLine(Caption)).Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(Credit))
        {
            text.Append(CreditField).Append(' ').Append(OneLine(Credit)).Append('\n');
        }
        return text.Append(Closing).ToString();
    }

    /// <summary>
    /// Reads the lines between the fences. Null when there is no image line: the block is then
    /// shown as the text it is, so nothing typed disappears. A line that is neither the image nor
    /// a field belongs to the caption (a writer who forgot "Caption:" still sees the words).
    /// </summary>
    public static Figure? Parse(IEnumerable<string> lines)
    {
        string? url = null, alt = null, credit = null;
        var caption = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (url is null && ImageLine().Match(line) is { Success: true } image)
            {
                (url, alt) = (image.Groups["url"].Value, UnescapeAlt(image.Groups["alt"].Value));
            }
            else if (line.StartsWith(CaptionField, StringComparison.OrdinalIgnoreCase))
            {
                caption.Add(line[CaptionField.Length..].Trim());
            }
            else if (line.StartsWith(CreditField, StringComparison.OrdinalIgnoreCase))
            {
                credit = line[CreditField.Length..].Trim();
            }
            else
            {
                caption.Add(line);
            }
        }
        if (url is null)
        {
            return null;
        }
        var joined = string.Join(' ', caption.Where(c => c.Length > 0));
        return new Figure(url, alt ?? "", joined.Length == 0 ? null : joined, string.IsNullOrEmpty(credit) ? null : credit);
    }

    public static bool IsOpening(ReadOnlySpan<char> line) =>
        line.Trim().StartsWith(":::", StringComparison.Ordinal)
        && line.Trim()[3..].Trim().Equals("figure", StringComparison.OrdinalIgnoreCase);

    public static bool IsClosing(ReadOnlySpan<char> line) => line.Trim().SequenceEqual(Closing);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string EscapeAlt(string alt) => alt.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    private static string UnescapeAlt(string alt) => EscapedCharacter().Replace(alt, "$1");

    [GeneratedRegex(@"^!\[(?<alt>(?:\\.|[^\\\]])*)\]\((?<url>[^\s()]+)\)$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex EscapedCharacter();
}