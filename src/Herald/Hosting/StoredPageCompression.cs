using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Herald.Hosting;

/// <summary>
/// Compresses a page the output cache is about to store, once, at a high level, in the encoding
/// the asker accepts (<see cref="PageEncoding"/>). The cache keeps one copy per encoding, so a hit
/// replays stored bytes and the response compression further out, which leaves an answer that
/// already has a Content-Encoding alone, never compresses it again. It sits inside the ETag
/// middleware, so each encoding's bytes get their own strong ETag. Answers the cache will not
/// store (no output cache, a status other than 200, a cookie) pass through untouched and are
/// compressed cheaply further out, as before.
/// </summary>
public sealed class StoredPageCompression(RequestDelegate next)
{
    /// <summary>Brotli's quality for stored copies: close to its best ratio at a small fraction of quality 11's time.</summary>
    public const int BrotliQuality = 9;

    private const int BrotliWindowBits = 22;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true })
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        var page = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (response.StatusCode != StatusCodes.Status200OK
            || !ConditionalGetMiddleware.IsTextual(response.ContentType)
            || response.Headers.ContainsKey(HeaderNames.ContentEncoding)
            || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            await original.WriteAsync(page, context.RequestAborted);
            return;
        }

        response.Headers.Vary = Microsoft.Extensions.Primitives.StringValues.Concat(response.Headers.Vary, HeaderNames.AcceptEncoding);
        var encoding = PageEncoding.Of(request.Headers.AcceptEncoding);
        var body = encoding switch
        {
            PageEncoding.Brotli => Brotli(page.Span),
            PageEncoding.Gzip => Gzip(page.Span),
            _ => page,
        };
        if (encoding != PageEncoding.Identity)
        {
            response.Headers.ContentEncoding = encoding;
        }
        response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// Lets a HEAD request be answered from, or fill, the GET copy of the page, so HEAD always
    /// shows the ETag and headers GET does: the output cache keys by method, and a page that holds
    /// a per-render value (the comment form's time stamp) would otherwise get two ETags. Kestrel
    /// still knows the request as HEAD and sends no body; the method is put back on the way out.
    /// </summary>
    public static void UseHeadAsCachedGet(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
        }
    });

    private static ReadOnlyMemory<byte> Brotli(ReadOnlySpan<byte> page)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(page.Length)];
        if (!BrotliEncoder.TryCompress(page, compressed, out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress a page into its own worst-case size.");
        }
        return compressed.AsMemory(0, written);
    }

    private static ReadOnlyMemory<byte> Gzip(ReadOnlySpan<byte> page)
    {
        using var compressed = new MemoryStream(page.Length / 3 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(page);
        }
        return compressed.GetBuffer().AsMemory(0, (int)compressed.Length);
    }
}

/// <summary>
/// The one encoding a cached page is stored and sent in, chosen from Accept-Encoding: Brotli,
/// gzip or none. The output cache varies by this name, never by the raw header, so the many ways
/// browsers spell it share three copies. The choice follows ASP.NET Core's response compression
/// (highest quality wins, Brotli on a tie, "*" means Brotli), so an uncached answer and a cached
/// one agree.
/// </summary>
public static class PageEncoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    /// <summary>Longer headers are not read further: no browser sends one, and the choice stays cheap.</summary>
    public const int MaxHeaderChars = 512;

    /// <summary>The output cache's vary rule: one stored copy per encoding.</summary>
    public static KeyValuePair<string, string> VaryRule(HttpContext context) =>
        new("encoding", Of(context.Request.Headers.AcceptEncoding));

    public static string Of(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        double brotli = 0, gzip = 0;
        var read = 0;
        foreach (var header in acceptEncoding)
        {
            if (header is null)
            {
                continue;
            }
            foreach (var part in header.AsSpan(0, Math.Min(header.Length, Math.Max(0, MaxHeaderChars - read))).Split(','))
            {
                var item = header.AsSpan(part).Trim();
                var quality = Parse(item, out var name);
                if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase) || name.SequenceEqual("*"))
                {
                    brotli = Math.Max(brotli, quality);
                }
                else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase))
                {
                    gzip = Math.Max(gzip, quality);
                }
            }
            read += header.Length;
        }
        return brotli > 0 && brotli >= gzip ? Brotli : gzip > 0 ? Gzip : Identity;
    }

    /// <summary>The coding's name, and its quality (1 when none is given, 0 when it cannot be read).</summary>
    private static double Parse(ReadOnlySpan<char> item, out ReadOnlySpan<char> name)
    {
        var semicolon = item.IndexOf(';');
        if (semicolon < 0)
        {
            name = item;
            return 1;
        }
        name = item[..semicolon].TrimEnd();
        var parameter = item[(semicolon + 1)..].Trim();
        if (parameter.Length < 2 || (parameter[0] | 0x20) != 'q' || parameter[1] != '=')
        {
            return 1;
        }
        return double.TryParse(parameter[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
            ? Math.Clamp(q, 0, 1)
            : 0;
    }
}