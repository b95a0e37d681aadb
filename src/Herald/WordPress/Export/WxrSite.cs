namespace Herald.WordPress.Export;

/// <summary>
/// The public address the export's links, guids and attachment URLs are written under.
/// Herald's settings hold no site address (pages are served under whatever host the request
/// names), so the operator gives it with --site-url; without it the address `herald serve`
/// listens on by default is used, which suits a Herald-to-Herald move but not WordPress.
/// </summary>
public sealed record WxrSite
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The importer keeps this as the source of every imported row; it must fit there.</summary>
    public const int MaxLength = 300;

    private WxrSite(string url) => Url = url;

    /// <summary>Scheme and host (and path, if the site lives under one), without a trailing slash.</summary>
    public string Url { get; }

    public static WxrSite Default { get; } = new(DefaultUrl);

    /// <summary>Null with a reason when the text is not an http(s) address a link can be built on.</summary>
    public static WxrSite? TryParse(string text, out string error)
    {
        error = "";
        var trimmed = text.Trim().TrimEnd('/');
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            error = $"--site-url must be an http or https address of at most {MaxLength} characters.";
            return null;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            error = $"--site-url \"{text}\" is not an http or https address (for example https://news.example.org).";
            return null;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = "--site-url must be the site's address alone, without a query, fragment or user name.";
            return null;
        }
        return new WxrSite(trimmed);
    }

    /// <summary>An absolute URL for a Herald path ("/2024/05/slug"); absolute URLs pass unchanged.</summary>
    public string Absolute(string pathOrUrl) =>
        pathOrUrl.StartsWith('/') && !pathOrUrl.StartsWith("//", StringComparison.Ordinal) ? Url + pathOrUrl : pathOrUrl;
}