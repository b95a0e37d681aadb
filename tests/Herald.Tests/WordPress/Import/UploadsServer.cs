using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// A WordPress uploads host on 127.0.0.1 (Kestrel) for the download tests: real pictures, and
/// the answers an old host gives — a 404, a slow answer, a page that is not a picture, a file
/// larger than an upload may be, a 503 that goes away on the second try. It counts every request
/// per path, so a test can tell what was downloaded twice.
/// </summary>
public sealed class UploadsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> flaky = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>How long /slow/ paths wait before answering.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(20);

    private UploadsServer(WebApplication app) => this.app = app;

    public string Origin { get; private set; } = "";

    public static async Task<UploadsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new UploadsServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>A generated picture served at a path (and its bytes, for comparing).</summary>
    public byte[] AddPicture(string path, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 90, 160));
        using var buffer = new MemoryStream();
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            image.SaveAsPng(buffer);
        }
        else if (path.EndsWith(".gif", StringComparison.OrdinalIgnoreCase))
        {
            image.SaveAsGif(buffer);
        }
        else
        {
            image.SaveAsJpeg(buffer);
        }
        return files[path] = buffer.ToArray();
    }

    public void AddFile(string path, byte[] bytes) => files[path] = bytes;

    /// <summary>The path answers 503 the first time it is asked for, then its file.</summary>
    public void FailOnce(string path) => flaky[path] = 1;

    /// <summary>The size of /huge/ files, and how much an /endless/ one sends at most: over the upload limit.</summary>
    public static long HugeBytes => Herald.Media.ImageIntake.MaxUploadBytes + 64 * 1024;

    public int RequestsFor(string path) => Requests.GetValueOrDefault(path);

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (flaky.TryRemove(path, out _))
        {
            context.Response.StatusCode = 503;
            return;
        }
        if (path.StartsWith("/slow/", StringComparison.Ordinal))
        {
            await Task.Delay(SlowDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }
        if (path.StartsWith("/huge/", StringComparison.Ordinal) || path.StartsWith("/endless/", StringComparison.Ordinal))
        {
            // A huge file says how large it is; an endless one does not, and the downloader has to stop reading by itself.
            if (path.StartsWith("/huge/", StringComparison.Ordinal))
            {
                context.Response.ContentLength = HugeBytes;
            }
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < HugeBytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
            }
            return;
        }
        if (!files.TryGetValue(path, out var bytes))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            _ => "image/jpeg",
        };
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}