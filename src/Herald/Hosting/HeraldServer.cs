using System.IO.Compression;
using Herald.Accounts;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Comments;
using Herald.Discovery;
using Herald.Hosting.Health;
using Herald.Hosting.ReverseProxy;
using Herald.Hosting.Telemetry;
using Herald.Media;
using Herald.Newsroom;
using Herald.Site;
using Herald.Site.Breaking;
using Herald.Storage;
using Herald.Understanding;
using Herald.WordPress;
using Herald.WordPress.RestApi;
using Microsoft.AspNetCore.ResponseCompression;

namespace Herald.Hosting;

/// <summary>Builds the web application: services, then the request pipeline, in that order.</summary>
public static class HeraldServer
{
    /// <summary>The largest thing anyone sends is an image upload with its form fields.</summary>
    public const long MaxRequestBodyBytes = ImageIntake.MaxUploadBytes + (1024 * 1024);

    public static WebApplication Build(ServeOptions options, Action<IServiceCollection>? configureServices = null, bool quiet = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(HeraldServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            // Herald is configured by its command line and environment, read once at start. Watching
            // appsettings files would cost an inotify instance each, of which a Linux user has only 128
            // by default, shared by every process it runs (several nodes, a test run's many servers).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Environment.WebRootFileProvider = new ShippedFiles(builder.Environment.WebRootPath);
        builder.WebHost.UseUrls(options.MetricsUrls is null ? options.Urls : $"{options.Urls};{options.MetricsUrls}");
        if (options.LogFormat == LogFormat.Json)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true; // ASP.NET Core's request scope carries RequestId and TraceId.
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        // Every SQL statement at Information level would drown the log a person reads.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // A log line per request costs a visible share of cached throughput (measured in bench/RESULTS.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = RequestGuardMiddleware.KestrelRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestGuardMiddleware.KestrelHeaderBytes;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            if (options.HttpsCertificate is { } certificate)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHeraldStorage(options.Database, options.Workload, options.SqliteMapMiB * 1024L * 1024);
        services.AddHeraldDataProtection();
        services.AddHeraldAccounts();
        services.AddSingleton<SiteState>();
        services.AddSingleton<IInvalidationListener>(provider => provider.GetRequiredService<SiteState>());
        services.AddBreakingNews();
        services.AddHeraldArticles();
        services.AddScoped<Demo.DemoContent>();
        services.AddHeraldUnderstanding();
        services.AddHeraldMediaStore(options.MediaStore, options.MediaFolder);
        services.AddHeraldReverseProxy(options);
        services.AddHeraldTelemetry(options);
        services.AddHeraldCaching(options);
        Configuration.CommentSettingsCheck.Check(builder.Configuration);
        services.AddHeraldComments(builder.Configuration);
        services.AddHeraldDiscovery(options.Database);
        services.AddWordPress();
        services.AddWordPressCors(options);
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddHeraldPages();
        services.AddNewsroom();
        services.AddHeraldHealth(options);
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseHeraldPipeline(options);
        return app;
    }

    private static void UseHeraldPipeline(this WebApplication app, ServeOptions options)
    {
        app.UseHeraldMetricsEndpoint(options);
        app.UseHeraldForwardedHeaders(options);
        // First, so that its header also lands on the error pages and redirects of the newsroom.
        app.UseNewsroomCacheRule();
        // Errors and unknown pages render Herald's own pages; no stack trace reaches a browser.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestGuardMiddleware>();
        // A body declared too large is refused before anything (the anti-forgery check) starts reading it.
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });
        // A page the output cache keeps is answered here, before the steps a stored answer does
        // not need (routing, authentication, the cache's own look-up): see FrontPages.
        var frontPages = UsesFrontPages(options);
        if (frontPages)
        {
            app.UseMiddleware<FrontPageMiddleware>();
        }
        app.UseMiddleware<FormNulStripper>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseResponseCompression();
        app.UseStaticAssets();
        app.UseMediaFiles(options.MediaStore, options.MediaFolder);
        // Inside the status-code pages, so an old WordPress address is answered 301 before a 404 page is drawn.
        app.UseMiddleware<WordPress.Redirects.LegacyRedirectMiddleware>();
        app.UseMiddleware<WordPress.RestApi.ApiDiscoveryLink>();
        // Inside the old-address lookup, so a WordPress permalink with its final slash goes straight to its article.
        app.UseMiddleware<TrailingSlashRedirect>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Outside the output cache: it writes its headers as the answer starts, so a cached answer
        // never keeps one origin's permission and a replayed one gets the asker's.
        app.UseWordPressCors();
        app.UseOutputCacheMeter(cache =>
        {
            if (options.OutputCache)
            {
                Invalidation.FreshPageStore.UseJournalPositionNote(cache);
                StoredPageCompression.UseHeadAsCachedGet(cache);
                if (frontPages)
                {
                    FrontPageMiddleware.UseRecorder(cache);
                }
                cache.UseOutputCache();
            }
        });
        app.UseMiddleware<ConditionalGetMiddleware>();
        // Inside the ETag middleware, so every stored encoding carries the ETag of its own bytes.
        app.UseMiddleware<StoredPageCompression>();
        app.MapHeraldHealth();
        app.MapHeraldComments();
        app.MapRazorPages().RequireNewsroomStaff();
        var newsroom = app.MapNewsroom();
        newsroom.MapEditorialChecks();
        app.MapHeraldDiscovery(newsroom);
        app.MapWordPressRestApi();
    }

    /// <summary>
    /// Front copies need the output cache in this process's memory: with a shared Redis store,
    /// a page another node evicted must stop being served here at once, not when this node's
    /// journal follower catches up.
    /// </summary>
    public static bool UsesFrontPages(ServeOptions options) => options.OutputCache && options.Redis is not { Length: > 0 };
}