using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Herald.Comments;

/// <summary>
/// Comments are plain text. On the page a blank line starts a paragraph, a line break stays a
/// line break and a web address becomes a link; everything else is HTML-encoded, so no markup a
/// reader types can reach the page as markup.
/// </summary>
public static partial class CommentText
{
    private const int LongestLinkText = 80;

    /// <summary>Trailing punctuation usually ends the sentence, not the address.</summary>
    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', ')', '\'', '"'];

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"(https?://|www\.|<a\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlankLine();

    /// <summary>Line endings made "\n" and the ends trimmed, as the body is stored.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>How many links a comment carries, counted as WordPress does: every web address or anchor.</summary>
    /// <summary>128 bits of SHA-256 of the text, in hex: equal for equal texts, and short enough to index on every database.</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..FingerprintLength];

    public const int FingerprintLength = 32;

    public static int CountLinks(string text) => LinkLike().Count(text);

    public static IReadOnlyList<string> Paragraphs(string text) =>
        BlankLine().Split(Normalize(text)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    public static HtmlString ToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 64);
        foreach (var paragraph in Paragraphs(text))
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }
                AppendLinked(html, lines[i]);
            }
            html.Append("</p>");
        }
        return new HtmlString(html.ToString());
    }

    private static void AppendLinked(StringBuilder html, string line)
    {
        var encoder = HtmlEncoder.Default;
        var position = 0;
        foreach (Match match in WebAddress().Matches(line))
        {
            var address = match.Value.TrimEnd(TrailingPunctuation);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }
            html.Append(encoder.Encode(line[position..match.Index]));
            var shown = address.Length > LongestLinkText ? address[..LongestLinkText] + "…" : address;
            html.Append("<a href=\"").Append(encoder.Encode(uri.AbsoluteUri))
                .Append("\" rel=\"nofollow ugc noopener\">").Append(encoder.Encode(shown)).Append("</a>");
            position = match.Index + address.Length;
        }
        html.Append(encoder.Encode(line[position..]));
    }
}