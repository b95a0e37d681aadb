using System.Globalization;
using System.Text.RegularExpressions;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Security;

/// <summary>Every input the XSS suite writes a payload into; the number is part of each placement's code.</summary>
public enum XssField
{
    CommentName = 1,
    CommentBody,
    CommentWebsite,
    SearchQuery,
    Headline,
    Dek,
    Body,
    Tags,
    Excerpt,
    Slug,
    FeaturedAlt,
    FeaturedCaption,
    FeaturedCredit,
    MediaAlt,
    MediaCaption,
    MediaCredit,
    WxrTitle,
    WxrContent,
    WxrExcerpt,
    WxrCommentAuthor,
    WxrCommentAuthorUrl,
    WxrCommentContent,
    WxrCategoryName,
    WxrCategoryDescription,
    WxrTagName,
    WxrTagDescription,
    WxrAuthorName,
    WxrAttachmentUrl,
    WxrAttachmentAlt,
    WxrAttachmentCaption,
    WxrAttachmentCredit,
}

/// <summary>One line of <c>XssPayloads.txt</c>: a template with placeholders, filled in per placement.</summary>
public sealed record XssPayload(int Number, string Group, string Template)
{
    /// <summary>The placement code the payload reports when it runs: 9, the payload (3 digits), the field (2 digits).</summary>
    public int Code(XssField field) => XssCorpus.CodeOf(Number, field);

    /// <summary>The payload for one field. <paramref name="xml"/> drops NUL, which no XML document may hold.</summary>
    public string For(XssField field, string beacon, bool xml = false) => XssCorpus.Fill(Template, Code(field), beacon, xml);
}

/// <summary>
/// The corpus kept in the repository (<c>tests/Herald.Tests/Security/XssPayloads.txt</c>) and the
/// code numbers that let an execution, wherever it happens, name its payload and the field it came in by.
/// </summary>
public static partial class XssCorpus
{
    public const string FileName = "XssPayloads.txt";

    /// <summary>The code of the one payload the sanity page serves unsanitised: it must be caught.</summary>
    public const int SanityCode = 999_999;

    public static string PathInRepository => Path.Combine(RepositoryPaths.Root, "tests", "Herald.Tests", "Security", FileName);

    public static IReadOnlyList<XssPayload> Load()
    {
        var payloads = new List<XssPayload>();
        var group = "";
        foreach (var line in File.ReadAllLines(PathInRepository))
        {
            if (line.StartsWith('#'))
            {
                group = line.TrimStart('#', ' ');
                continue;
            }
            if (line.Length > 0)
            {
                payloads.Add(new XssPayload(payloads.Count + 1, group, line));
            }
        }
        return payloads;
    }

    public static int CodeOf(int payload, XssField field) => 900_000 + (payload * 100) + (int)field;

    public static (int Payload, XssField Field) Decode(int code) => ((code - 900_000) / 100, (XssField)(code % 100));

    public static string Describe(int code, IReadOnlyList<XssPayload> payloads)
    {
        if (code == SanityCode)
        {
            return "the sanity page";
        }
        var (number, field) = Decode(code);
        var payload = payloads.FirstOrDefault(p => p.Number == number);
        return payload is null ? $"code {code}" : $"payload {number} ({payload.Group}: {payload.Template}) in {field}";
    }

    public static string Fill(string template, int code, string beacon, bool xml = false)
    {
        var n = code.ToString(CultureInfo.InvariantCulture);
        // Backticks need no quotes, so the script survives unquoted attributes and both quote styles.
        var js = $"alert({n});window.__heraldXss={n};fetch(`{beacon}/x/{n}`)";
        var jsm = $"alert({n});self.__heraldXss={n}";
        return template
            .Replace("{jsm}", jsm, StringComparison.Ordinal)
            .Replace("{js}", js, StringComparison.Ordinal)
            .Replace("{beacon}", beacon, StringComparison.Ordinal)
            .Replace("{n}", n, StringComparison.Ordinal)
            .Replace("{nl}", "\n", StringComparison.Ordinal)
            .Replace("{tab}", "\t", StringComparison.Ordinal)
            .Replace("{nul}", xml ? "" : "\0", StringComparison.Ordinal);
    }

    /// <summary>The placement codes a page's HTML carries: evidence that a payload reached it, escaped or not.</summary>
    public static IEnumerable<int> CodesIn(string html) =>
        CodePattern().Matches(html).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?<!\d)9\d{5}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}