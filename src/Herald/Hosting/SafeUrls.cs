namespace Herald.Hosting;

/// <summary>
/// Addresses that came from outside (an import file, say) and will land in src, href or
/// JSON-LD: only http, https and relative ones may. javascript:, data: and the rest are refused,
/// including the spellings browsers forgive (any case, surrounding spaces, tabs or newlines inside).
/// </summary>
public static class SafeUrls
{
    public static bool IsHttpOrRelative(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(char.IsControl))
        {
            return false;
        }
        var text = url.Trim();
        var colon = text.IndexOf(':');
        var pathStart = text.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
        {
            return true; // no scheme: relative (or protocol-relative, which is http or https)
        }
        var scheme = text[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
    }
}