using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.WordPress;

/// <summary>A picture a [gallery] shortcode may show, found by its WordPress attachment id.</summary>
public sealed record ShortcodeImage(long AttachmentId, string Url, string Alt, string? Caption);

/// <summary>
/// The attachments a body's [gallery] shortcodes can name: by id, and the ones attached to the
/// article itself (what a [gallery] without ids shows in WordPress).
/// </summary>
public sealed record ShortcodeMedia(IReadOnlyDictionary<long, ShortcodeImage> ById, IReadOnlyList<ShortcodeImage> Attached) : Articles.IBodyRenderHints
{
    public static readonly ShortcodeMedia None = new(new Dictionary<long, ShortcodeImage>(), []);
}

/// <summary>
/// Turns WordPress post HTML into what a reader of the WordPress site saw, before sanitizing:
/// block-editor comments removed, WordPress's automatic paragraphs (a blank line starts a
/// paragraph, a single line break stays one), and the common shortcodes rendered. [caption]
/// becomes a figure with a figcaption, [gallery] a list of its pictures, [embed]URL[/embed] a
/// link to the URL (Herald makes no third-party requests, so nothing is embedded). Shortcodes
/// Herald does not know are left as text, which is what WordPress itself does with a shortcode
/// no plugin registers.
/// </summary>
public static partial class WordPressContent
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Elements WordPress's autop never wraps in a paragraph.</summary>
    private const string BlockTags =
        "address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|" +
        "h[1-6]|header|hgroup|hr|li|main|map|math|menu|nav|ol|option|p|pre|section|select|summary|table|tbody|td|tfoot|th|thead|tr|ul|" +
        "audio|video|iframe|object|style|script|svg";

    [GeneratedRegex(@"<!--\s*/?wp:[^>]*?-->", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Caption();

    [GeneratedRegex(@"\[gallery([^\]]*)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Gallery();

    [GeneratedRegex(@"\[embed[^\]]*\]\s*(\S+?)\s*\[/embed\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Embed();

    [GeneratedRegex(@"(\w+)\s*=\s*(?:""([^""]*)""|'([^']*)'|(\S+))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<pre[\s>].*?</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Preformatted();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^</?(?:" + BlockTags + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"^\s*(https?://[^\s<>""]+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BareUrl();

    /// <summary>The HTML a reader should see (still to be sanitized by the caller).</summary>
    public static string Render(string source, ShortcodeMedia? media = null)
    {
        media ??= ShortcodeMedia.None;
        try
        {
            var html = source.Replace("\r\n", "\n").Replace('\r', '\n');
            html = BlockComment().Replace(html, "");
            html = Embed().Replace(html, m => Link(m.Groups[1].Value));
            html = Caption().Replace(html, RenderCaption);
            html = Gallery().Replace(html, m => RenderGallery(m.Groups[1].Value, media));
            return AutoParagraphs(html);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological body is shown as written (the sanitizer still runs) rather than not at all.
            return source;
        }
    }

    /// <summary>
    /// WordPress's autop, in its essentials: text separated by a blank line is a paragraph unless
    /// it is already a block element; single line breaks inside a paragraph become &lt;br&gt;;
    /// &lt;pre&gt; keeps its lines untouched.
    /// </summary>
    public static string AutoParagraphs(string html)
    {
        var kept = new List<string>();
        html = Preformatted().Replace(html, m =>
        {
            kept.Add(m.Value);
            return $"\n\n\u0001{kept.Count - 1}\u0001\n\n";
        });
        var output = new StringBuilder(html.Length + 64);
        foreach (var raw in BlankLine().Split(html))
        {
            var chunk = raw.Trim();
            if (chunk.Length == 0)
            {
                continue;
            }
            if (chunk[0] == '\u0001' && chunk[^1] == '\u0001' && int.TryParse(chunk.AsSpan(1, chunk.Length - 2), out var index))
            {
                output.Append(kept[index]).Append('\n');
            }
            else if (BareUrl().Match(chunk) is { Success: true } url)
            {
                // WordPress turns a URL alone on its line into an embed; Herald links to it instead.
                output.Append("<p>").Append(Link(url.Groups[1].Value)).Append("</p>\n");
            }
            else if (StartsWithBlock().IsMatch(chunk))
            {
                // Already a block, or a block whose content runs on past a blank line: kept as written.
                output.Append(chunk).Append('\n');
            }
            else
            {
                output.Append("<p>").Append(chunk.Replace("\n", "<br />\n")).Append("</p>\n");
            }
        }
        return output.ToString();
    }

    private static string RenderCaption(Match match)
    {
        var attributes = Attributes(match.Groups[2].Value);
        var inner = match.Groups[3].Value.Trim();
        // Modern WordPress puts the caption after the image inside the shortcode; older ones in caption="".
        var caption = attributes.GetValueOrDefault("caption");
        var image = inner;
        var close = LastTagEnd(inner);
        if (close > 0 && close < inner.Length)
        {
            image = inner[..close];
            caption ??= inner[close..].Trim();
        }
        var figure = new StringBuilder("<figure class=\"wp-caption\">");
        figure.Append(image);
        if (!string.IsNullOrWhiteSpace(caption))
        {
            figure.Append("<figcaption>").Append(caption).Append("</figcaption>");
        }
        return figure.Append("</figure>").ToString();
    }

    /// <summary>The end of the image (or linked image) that opens a caption's content.</summary>
    private static int LastTagEnd(string inner)
    {
        var anchorEnd = inner.IndexOf("</a>", StringComparison.OrdinalIgnoreCase);
        if (inner.StartsWith("<a", StringComparison.OrdinalIgnoreCase) && anchorEnd > 0)
        {
            return anchorEnd + 4;
        }
        return inner.StartsWith("<img", StringComparison.OrdinalIgnoreCase) ? inner.IndexOf('>') + 1 : 0;
    }

    private static string RenderGallery(string attributeText, ShortcodeMedia media)
    {
        var attributes = Attributes(attributeText);
        IEnumerable<ShortcodeImage> images = attributes.TryGetValue("ids", out var ids)
            ? ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, out var n) ? media.ById.GetValueOrDefault(n) : null)
                .OfType<ShortcodeImage>()
            : media.Attached;
        if (attributes.TryGetValue("exclude", out var exclude))
        {
            var excluded = exclude.Split(',', StringSplitOptions.TrimEntries).ToHashSet();
            images = images.Where(i => !excluded.Contains(i.AttachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var list = images.ToList();
        if (list.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder("\n\n<ul class=\"gallery\">");
        foreach (var image in list)
        {
            html.Append("<li><figure><img src=\"").Append(WebUtility.HtmlEncode(image.Url)).Append("\" alt=\"")
                .Append(WebUtility.HtmlEncode(image.Alt)).Append("\" loading=\"lazy\">");
            if (!string.IsNullOrWhiteSpace(image.Caption))
            {
                html.Append("<figcaption>").Append(WebUtility.HtmlEncode(image.Caption)).Append("</figcaption>");
            }
            html.Append("</figure></li>");
        }
        return html.Append("</ul>\n\n").ToString();
    }

    private static string Link(string url)
    {
        var encoded = WebUtility.HtmlEncode(url);
        return $"<a href=\"{encoded}\">{encoded}</a>";
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attribute().Matches(text))
        {
            found.TryAdd(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value);
        }
        return found;
    }
}