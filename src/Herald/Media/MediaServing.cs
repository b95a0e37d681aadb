using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Herald.Media;

/// <summary>Which store keeps a site's media: chosen by --media-store.</summary>
public enum MediaStoreKind
{
    /// <summary>A folder of this node's (the default; shared between nodes only by mounting it on each).</summary>
    Folder,

    /// <summary>The site's database, which every node reads.</summary>
    Database,
}

public static class MediaServing
{
    /// <summary>Names never change content, so a browser and a proxy may keep a file for a year.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddHeraldMediaStore(this IServiceCollection services, MediaStoreKind kind, string folder)
    {
        if (kind == MediaStoreKind.Database)
        {
            services.AddSingleton<IMediaStore, DatabaseMediaStore>();
        }
        else
        {
            services.AddSingleton<IMediaStore>(new LocalMediaStore(folder));
        }
        return services;
    }

    /// <summary>Serves /media from the store: the folder through the static-file server, the database with the same headers.</summary>
    public static void UseMediaFiles(this WebApplication app, MediaStoreKind kind, string folder)
    {
        if (kind == MediaStoreKind.Database)
        {
            app.UseMiddleware<DatabaseMediaMiddleware>();
            return;
        }
        Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = MediaPaths.UrlPrefix,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = CacheControl,
        });
    }
}

/// <summary>
/// Answers GET and HEAD for /media/PATH from the database store as the static-file server answers
/// for the folder: Cache-Control, ETag and Last-Modified, 304 for a matching If-None-Match or
/// If-Modified-Since, 206 for a byte range, 412 for a failed If-Match. An unknown path falls
/// through to the site's 404 page.
/// </summary>
public sealed class DatabaseMediaMiddleware(RequestDelegate next, DatabaseConnection database)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(MediaPaths.UrlPrefix, out var rest)
            || MediaPaths.Normalize(rest.Value ?? "") is not { } path)
        {
            await next(context);
            return;
        }
        var db = context.RequestServices.GetRequiredService<HeraldDbContext>();
        var file = await db.MediaFiles.AsNoTracking()
            .Where(f => f.Path == path)
            .Select(f => new { f.Id, f.ContentType, f.Length, f.ETag, f.StoredAt })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (file is null)
        {
            await next(context);
            return;
        }
        context.Response.Headers.CacheControl = MediaServing.CacheControl;
        var stream = new MediaFileStream(database, file.Id, file.Length);
        context.Response.RegisterForDisposeAsync(stream);
        await TypedResults.Stream(stream, file.ContentType,
                lastModified: new DateTimeOffset(file.StoredAt, TimeSpan.Zero),
                entityTag: EntityTagHeaderValue.Parse(file.ETag),
                enableRangeProcessing: true)
            .ExecuteAsync(context);
    }
}