using System.Net;
using System.Text.RegularExpressions;

namespace Herald.Discovery.Search;

/// <summary>
/// The engines mark matched words with two private-use characters (which never occur in
/// articles); the page encodes the whole snippet and only then turns the markers into
/// &lt;mark&gt;, so nothing in an article body can inject markup into results.
/// </summary>
public static partial class Snippets
{
    public const string MarkStart = "\uE000";
    public const string MarkEnd = "\uE001";

    /// <summary>Removes Markdown punctuation a reader should not see in a snippet: emphasis, headings, link targets.</summary>
    public static string FromMarkdown(string snippet)
    {
        var text = LinkTarget().Replace(snippet, "$1");
        text = Emphasis().Replace(text, "");
        text = LinePrefix().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    public static string ToHtml(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart, "<mark>", StringComparison.Ordinal).Replace(MarkEnd, "</mark>", StringComparison.Ordinal);

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)?")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"[*_`~]+|\[\^?\d*\]?")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(^|\n)\s*(#{1,6}|>|-|\d+\.)\s")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}