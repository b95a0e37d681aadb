using Herald.Hosting;

namespace Herald.WordPress.RestApi;

/// <summary>
/// Cross-origin reads of the WordPress API, so a front end on another site can show Herald's
/// stories: GET and HEAD under /wp-json, for exactly the origins the operator named
/// (<see cref="ServeOptions.ApiCorsOrigins"/>), without credentials, with the paging headers
/// exposed. Nothing else Herald serves (the newsroom above all) ever answers another origin.
/// </summary>
public static class WpCors
{
    public const string Policy = "wp-api-reads";

    /// <summary>What a client reads to page through a collection; a browser hides other headers from script.</summary>
    private static readonly string[] ExposedHeaders = ["X-WP-Total", "X-WP-TotalPages", "Link", "Allow"];

    public static IServiceCollection AddWordPressCors(this IServiceCollection services, ServeOptions options)
    {
        services.AddCors(cors => cors.AddPolicy(Policy, policy =>
        {
            if (AllowsAny(options))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                // No origin at all when none is named: the middleware then answers every cross-origin request without permission.
                policy.WithOrigins([.. options.ApiCorsOrigins]);
            }
            policy.WithMethods(HttpMethods.Get, HttpMethods.Head)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }

    /// <summary>
    /// ASP.NET Core's CORS middleware with <see cref="Policy"/>, for /wp-json only. It answers
    /// preflights itself and adds its headers as the answer starts, after the output cache took its
    /// copy: placed outside the cache, a cached answer keeps no origin's permission and each
    /// replay carries the permission of the origin asking.
    /// </summary>
    public static void UseWordPressCors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(WpRestApi.Prefix), api => api.UseCors(Policy));

    private static bool AllowsAny(ServeOptions options) => options.ApiCorsOrigins is ["*"];
}