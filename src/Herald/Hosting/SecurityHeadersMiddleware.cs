using Herald.Hosting.ReverseProxy;

namespace Herald.Hosting;

/// <summary>
/// Headers that tell the browser Herald loads nothing from elsewhere (pictures aside, from the
/// hosts the operator names) and may not be framed. The content security policy also keeps a
/// stray script in an article body inert.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, ServeOptions options)
{
    private readonly string ContentSecurityPolicy = PolicyFor(options.RemoteImageHosts);

    public static string PolicyFor(IReadOnlyList<string> remoteImageHosts) =>
        $"default-src 'self'; img-src {string.Join(' ', ["'self'", "data:", .. remoteImageHosts])}; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "interest-cohort=(), camera=(), microphone=(), geolocation=()";
        if (context.PublicSchemeIsHttps())
        {
            headers.StrictTransportSecurity = ReverseProxy.ReverseProxyServices.StrictTransportSecurity;
        }
        return next(context);
    }
}