namespace Herald.Site.Menus;

/// <summary>What a menu may hold, in the newsroom and from an import alike.</summary>
public static class MenuLimits
{
    public const int Name = 200;
    public const int Label = 100;
    public const int Url = 500;

    /// <summary>Items per menu, nested ones included: a navigation bar longer than this serves no reader.</summary>
    public const int Items = 40;

    /// <summary>
    /// Whether an address may be a menu link: http or https with a host, or an address on this
    /// site ("/about"). Anything else — javascript:, data:, a protocol-relative "//host" — is
    /// refused, and so are spaces and control characters.
    /// </summary>
    public static bool IsAllowedUrl(string url)
    {
        if (url.Length == 0 || url.Length > Url || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
                && Uri.TryCreate(url, UriKind.Relative, out _);
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.Host.Length > 0;
    }

    public const string UrlRule = "An address is http://… or https://… or starts with / for a page of this site.";
}