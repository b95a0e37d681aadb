using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Herald.Newsroom;

/// <summary>
/// The one home of everything under /newsroom, whichever feature keeps its code (the editor
/// here, the comment queue in Comments, related-article decisions in Discovery, editorial
/// checks in Understanding). Two rules hold for the whole area, stated only here:
/// every endpoint needs the <see cref="NewsroomAccess.Staff"/> policy unless it is marked
/// <see cref="AllowAnonymousAttribute"/> (signing in), and no response may be kept by any
/// cache, because the area shows unpublished words, commenters' e-mail addresses and
/// per-person tokens. Features declare a stricter policy beside their own routes.
/// </summary>
public static class NewsroomArea
{
    public const string Path = "/newsroom";

    /// <summary>The Cache-Control of every response under /newsroom.</summary>
    public const string CacheControl = "no-store, private";

    public static bool Contains(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    public static bool Contains(RoutePattern pattern) =>
        pattern.RawText is { } text && Contains(new PathString("/" + text.TrimStart('/', '~')));

    /// <summary>
    /// Marks every response under /newsroom no-store, private. Registered first in the pipeline,
    /// its header is written last, just before the response starts, so it also covers the error
    /// pages the exception and status-code middleware re-execute, sign-in redirects and 403s.
    /// </summary>
    public static IApplicationBuilder UseNewsroomCacheRule(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (Contains(context.Request.Path))
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers.CacheControl = CacheControl;
                response.Headers.Remove("Pragma");
                response.Headers.Remove("Expires");
                return Task.CompletedTask;
            });
        }
        return next(context);
    });

    /// <summary>
    /// Requires the staff policy on each endpoint of the builder whose route lies under
    /// /newsroom: Razor pages wherever their folder is, and minimal endpoints.
    /// </summary>
    public static TBuilder RequireNewsroomStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && Contains(route.RoutePattern))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(NewsroomAccess.Staff));
            }
        });
        return builder;
    }

    /// <summary>The group a feature maps its newsroom endpoints into (JSON for the editor's scripts).</summary>
    public static RouteGroupBuilder MapNewsroom(this IEndpointRouteBuilder app) =>
        app.MapGroup(Path).RequireAuthorization(NewsroomAccess.Staff);
}