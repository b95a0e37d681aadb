namespace Herald.Hosting.ReverseProxy;

/// <summary>
/// The one place absolute URLs start from: the configured public URL when there is one, else
/// the scheme and host of the request (which the forwarded-headers step has already corrected
/// for a trusted proxy). Canonical links, feeds, sitemaps, JSON-LD, OpenGraph and the WordPress
/// API all ask here, so they agree with each other and with the comment origin check.
/// </summary>
public sealed class PublicAddress(ServeOptions options)
{
    private readonly string? configuredOrigin = options.PublicUrl?.GetLeftPart(UriPartial.Authority);

    public string OriginOf(HttpRequest request) => configuredOrigin ?? $"{request.Scheme}://{request.Host}";

    /// <summary>Whether readers use https: said by the public URL when set, else by the trusted request.</summary>
    public bool IsHttps(HttpRequest request) => configuredOrigin is not null ? options.PublicSchemeIsHttps : request.IsHttps;

    /// <summary>Whether an Origin header names this site: its public origin, or the origin the request itself came to.</summary>
    public bool IsOwnOrigin(HttpRequest request, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var given = uri.GetLeftPart(UriPartial.Authority);
        return string.Equals(given, configuredOrigin, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            || string.Equals(given, new UriBuilder(request.Scheme, request.Host.Host, request.Host.Port ?? -1).Uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}

public static class PublicOriginExtensions
{
    /// <summary>scheme://host[:port] that absolute URLs of this site start with.</summary>
    public static string PublicOrigin(this HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicAddress>().OriginOf(context.Request);

    /// <summary>An absolute URL for a site path such as /2026/03/slug.</summary>
    public static string PublicUrl(this HttpContext context, string path) => context.PublicOrigin() + path;

    public static bool PublicSchemeIsHttps(this HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicAddress>().IsHttps(context.Request);
}