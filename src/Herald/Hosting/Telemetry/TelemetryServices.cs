using Microsoft.AspNetCore.OutputCaching;
using OpenTelemetry.Metrics;

namespace Herald.Hosting.Telemetry;

/// <summary>
/// Metrics in Prometheus format on /metrics, and only on the port of --metrics-urls: the
/// endpoint is recognised by the port a connection arrived on, so no public address can reach
/// it, and without --metrics-urls there is no endpoint at all.
/// </summary>
public static class TelemetryServices
{
    public const string MetricsPath = "/metrics";

    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Identity",
        "Microsoft.EntityFrameworkCore",
        "System.Runtime",
        "System.Net.Http",
    ];

    public static IServiceCollection AddHeraldTelemetry(this IServiceCollection services, ServeOptions options)
    {
        if (options.MetricsPort is not null)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(HeraldMetrics.MeterName)
                .AddMeter(FrameworkMeters)
                .AddPrometheusExporter());
        }
        return services;
    }

    /// <summary>First in the pipeline: the metrics port answers /metrics and nothing else.</summary>
    public static void UseHeraldMetricsEndpoint(this IApplicationBuilder app, ServeOptions options)
    {
        if (options.MetricsPort is not { } port)
        {
            return;
        }
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Counts cacheable pages (answered 200) served from the output cache against those rendered: the outer
    /// step sits just before the cache and the inner one just after it, so a request that never
    /// reaches the inner step was answered by the cache.
    /// </summary>
    public static void UseOutputCacheMeter(this IApplicationBuilder app, Action<IApplicationBuilder> outputCache)
    {
        const string reachedRender = "herald.reached-render";
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!context.Items.ContainsKey(reachedRender) && context.Response.StatusCode is 200 or 304)
            {
                HeraldMetrics.PageServed(fromCache: true);
            }
        });
        outputCache(app);
        app.Use(async (context, next) =>
        {
            context.Items[reachedRender] = true;
            await next(context);
            if (context.Response.StatusCode == 200 && context.Features.Get<IOutputCacheFeature>()?.Context.EnableOutputCaching == true)
            {
                HeraldMetrics.PageServed(fromCache: false);
            }
        });
    }
}