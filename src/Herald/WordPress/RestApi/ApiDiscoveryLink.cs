using Herald.Hosting.ReverseProxy;

namespace Herald.WordPress.RestApi;

/// <summary>
/// Tells clients that discover the WordPress API from a site's address (WPAPI.discover, the
/// WordPress mobile apps) where it lives: every HTML page answers with
/// <c>Link: &lt;https://site/wp-json/&gt;; rel="https://api.w.org/"</c>, as WordPress does.
/// Set when the response starts, so pages served from the output cache carry it too; once per
/// response, though an error page re-runs the pipeline for the same request.
/// </summary>
public sealed class ApiDiscoveryLink(RequestDelegate next)
{
    public const string Relation = "https://api.w.org/";

    /// <summary>Marks a request whose Link is already promised (an error page walks through here twice).</summary>
    private static readonly object Promised = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(WpRestApi.Prefix) && context.Items.TryAdd(Promised, null))
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    response.Headers.Append("Link", $"<{context.PublicUrl(WpRestApi.Prefix)}/>; rel=\"{Relation}\"");
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}