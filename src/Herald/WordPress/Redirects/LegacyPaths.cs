using System.Globalization;
using System.Text;

namespace Herald.WordPress.Redirects;

/// <summary>
/// One spelling for an old address, so what the importer stores and what a request asks for
/// compare equal: the path only (host dropped), each segment percent-decoded then re-encoded with
/// lower-case escapes, lower-case, no trailing slash; of the query only WordPress's ?p= and
/// ?page_id= survive, as "/?p=123".
/// </summary>
public static class LegacyPaths
{
    public const int MaxLength = 1000;

    /// <summary>A WordPress &lt;link&gt; (absolute or relative) in stored form; null when it has no usable path.</summary>
    public static string? FromLink(string link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        string path;
        string query;
        if (Uri.TryCreate(link.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            (path, query) = (absolute.AbsolutePath, absolute.Query);
        }
        else if (link.StartsWith('/'))
        {
            var mark = link.IndexOf('?');
            (path, query) = mark < 0 ? (link, "") : (link[..mark], link[mark..]);
        }
        else
        {
            return null;
        }
        return Normalize(Uri.UnescapeDataString(path), query);
    }

    /// <summary>A request's path (already decoded by the server) and raw query in stored form.</summary>
    public static string? Normalize(string decodedPath, string? query)
    {
        if (ArticleQuery(query) is { } byId)
        {
            return byId;
        }
        var builder = new StringBuilder(decodedPath.Length + 16);
        foreach (var segment in decodedPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/').Append(LowerEscapes(Uri.EscapeDataString(segment.ToLowerInvariant())));
        }
        var normalized = builder.Length == 0 ? "/" : builder.ToString();
        return normalized.Length > MaxLength ? null : normalized;
    }

    /// <summary>"/?p=123" or "/?page_id=123" when the query names a WordPress post by number.</summary>
    public static string? ArticleQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var key = pair[..equals];
            if (key is "p" or "page_id" && long.TryParse(pair[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return $"/?{key}={id.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        return null;
    }

    public static bool NamesArticle(string? query) => ArticleQuery(query) is not null;

    private static string LowerEscapes(string escaped)
    {
        if (!escaped.Contains('%'))
        {
            return escaped;
        }
        var chars = escaped.ToCharArray();
        for (var i = 0; i < chars.Length - 2; i++)
        {
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
                chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
            }
        }
        return new string(chars);
    }
}