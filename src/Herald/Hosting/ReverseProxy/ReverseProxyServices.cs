using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Herald.Hosting.ReverseProxy;

/// <summary>
/// Herald behind nginx, Caddy or a load balancer: X-Forwarded-For and X-Forwarded-Proto are
/// believed from the trusted proxies only (loopback by default), so the client address the
/// rate limits see and the scheme the pages write are the reader's, and no one else can claim
/// them. Cookies turn Secure whenever the public scheme is https.
/// </summary>
public static class ReverseProxyServices
{
    /// <summary>A year, as browsers' preload lists expect; sent only when readers use https.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IServiceCollection AddHeraldReverseProxy(this IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton<PublicAddress>();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Not X-Forwarded-Host: proxies pass the Host header itself, and many pass a client's X-Forwarded-Host on untouched.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in options.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            // One proxy in front: the last X-Forwarded-For entry is the address it saw.
            forwarded.ForwardLimit = 1;
        });
        if (options.PublicSchemeIsHttps)
        {
            // Kestrel may see plain http from the proxy; the browser sees https, so cookies must say Secure.
            services.PostConfigureAll<CookieAuthenticationOptions>(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the reader's address and scheme.</summary>
    public static void UseHeraldForwardedHeaders(this IApplicationBuilder app, ServeOptions options)
    {
        // The middleware reads empty trust lists as "trust everyone"; Herald's "none" means no one.
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}