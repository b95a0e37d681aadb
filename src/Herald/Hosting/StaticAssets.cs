using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Herald.Hosting;

/// <summary>
/// Stylesheets, scripts and the icon. Pages name them with a hash of their content
/// (<c>asp-append-version</c>: <c>/css/site.css?v=…</c>), so an address names one version for
/// ever and browsers keep it a year; a change reaches every reader with the next page, as the
/// address changes. An address without the current hash (an old page, a hand-typed link) is
/// revalidated on every use instead, so it never serves a stale copy for long.
/// </summary>
public static class StaticAssets
{
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";
    public const string UnversionedCacheControl = "no-cache";

    public static void UseStaticAssets(this WebApplication app)
    {
        var versions = app.Services.GetRequiredService<IFileVersionProvider>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var request = context.Context.Request;
                var current = versions.AddFileVersionToPath(request.PathBase, request.Path.Value!);
                var asked = request.Path.Value + request.QueryString.Value;
                context.Context.Response.Headers.CacheControl = request.Query.ContainsKey("v") && asked == current
                    ? VersionedCacheControl
                    : UnversionedCacheControl;
            },
        });
    }
}