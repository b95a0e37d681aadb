using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Herald.Hosting;

/// <summary>
/// Answers a plain GET or HEAD for a page in <see cref="FrontPages"/> at once, with the bytes and
/// headers (security headers, Vary, ETag, Content-Encoding) the output cache stored it with, 304
/// for its ETag, and counts it as a cached page. It sits after the guards every request passes
/// (forwarded headers, error pages, the request guard, the body-size check) and before everything
/// else. "Plain" is what the output cache would serve from its copy without asking any later
/// step: no query string (old WordPress ?p= addresses, search, ?password= all have one), no
/// Authorization header, no staff session cookie, no unlock cookie of a protected story, no
/// Origin (the API's CORS answer is the asker's). Anything else, and a plain request not found
/// here, walks the whole pipeline as before; when the output cache then stores its page, the
/// answer as sent is kept here too.
/// </summary>
public sealed class FrontPageMiddleware(RequestDelegate next, FrontPages front, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>Larger answers are not kept (no page comes near it).</summary>
    public const int MaxPageBytes = 2 * 1024 * 1024;

    /// <summary>Not replayed: the server writes them for each answer, or the page would not have been stored.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Age, HeaderNames.SetCookie, HeaderNames.TransferEncoding,
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.Server,
    };

    /// <summary>What a 304 leaves out: it describes no body.</summary>
    private static readonly HashSet<string> NotIn304 = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentLanguage, HeaderNames.Link,
    };

    private readonly string sessionCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsPlain(context))
        {
            return next(context);
        }
        var key = new FrontKey(request.Scheme, request.Host.Value ?? "", request.PathBase.Value ?? "", request.Path.Value ?? "",
            PageEncoding.Of(request.Headers.AcceptEncoding));
        var now = front.Now;
        return front.TryGet(key, now, out var page) ? ServeAsync(context, page, now) : RenderAsync(context, key);
    }

    private bool IsPlain(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.QueryString.HasValue
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || request.Headers.ContainsKey(HeaderNames.Origin)
            || Newsroom.NewsroomArea.Contains(request.Path)
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            return false;
        }
        if (request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            foreach (var name in request.Cookies.Keys)
            {
                if (name == sessionCookie || name.StartsWith(Articles.Protection.PostPasswords.CookiePrefix, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static async Task ServeAsync(HttpContext context, FrontPage page, DateTimeOffset now)
    {
        var response = context.Response;
        var headers = response.Headers;
        var notModified = IsNotModified(context.Request.Headers, page);
        response.StatusCode = notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        foreach (var (name, value) in notModified ? page.NotModifiedHeaders : page.Headers)
        {
            headers[name] = value;
        }
        var age = now - page.StoredAt;
        headers.Age = HeaderUtilities.FormatNonNegativeInt64(age > TimeSpan.Zero ? age.Ticks / TimeSpan.TicksPerSecond : 0);
        Telemetry.HeraldMetrics.PageServed(fromCache: true);
        if (notModified || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        // No cancellation token: asking Kestrel for RequestAborted costs a token source per request,
        // and a write to a connection that went away completes without sending anyway.
        await response.BodyWriter.WriteAsync(page.Body);
    }

    /// <summary>
    /// The output cache's rule for a stored answer: If-None-Match decides when it is sent;
    /// otherwise If-Modified-Since, against the page's Last-Modified or the time it was stored.
    /// </summary>
    private static bool IsNotModified(IHeaderDictionary request, FrontPage page)
    {
        if (request.IfNoneMatch.Count > 0)
        {
            return ConditionalGetMiddleware.Matches(request.IfNoneMatch, page.ETag);
        }
        return HeaderUtilities.TryParseDate(request.IfModifiedSince.ToString(), out var since) && page.LastModified <= since;
    }

    private async Task RenderAsync(HttpContext context, FrontKey key)
    {
        var fill = front.Expect();
        try
        {
            await next(context);
        }
        finally
        {
            FrontPages.StopExpecting();
        }
        var response = context.Response;
        if (fill is { Tags: { } tags, Body: { } body }
            && response.StatusCode == StatusCodes.Status200OK
            && response.ContentLength == body.Length
            && response.Headers.ETag is [{ } etag]
            && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            var kept = new List<KeyValuePair<string, StringValues>>();
            var in304 = new List<KeyValuePair<string, StringValues>>();
            foreach (var header in response.Headers)
            {
                if (NotKept.Contains(header.Key))
                {
                    continue;
                }
                kept.Add(header);
                if (!NotIn304.Contains(header.Key))
                {
                    in304.Add(header);
                }
            }
            var now = front.Now;
            DateTimeOffset? lastModified = HeaderUtilities.TryParseDate(response.Headers.LastModified.ToString(), out var modified) ? modified : null;
            front.TryAdd(key, fill.Generation, new FrontPage(body, [.. kept], [.. in304], etag,
                new HashSet<string>(tags, StringComparer.Ordinal), now, now + fill.ValidFor, lastModified));
        }
    }

    /// <summary>
    /// Placed just outside the output cache: for a request <see cref="FrontPageMiddleware"/> watches whose
    /// endpoint has a cache policy, keeps a copy of the bytes the cache sends, for the front copy.
    /// </summary>
    public static void UseRecorder(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (FrontPages.Expected is not { } fill || !HasCachePolicy(context.GetEndpoint()))
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        var copy = new CopyingStream(original, MaxPageBytes);
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        fill.Body = copy.Copy();
    });

    /// <summary>Whether the output cache has a policy for the endpoint (named in an attribute or attached as metadata).</summary>
    private static bool HasCachePolicy(Endpoint? endpoint) =>
        endpoint?.Metadata is { } metadata
        && (metadata.GetMetadata<IOutputCachePolicy>() is not null || metadata.GetMetadata<OutputCacheAttribute>() is not null);

    /// <summary>Passes writes on and keeps a copy of them, up to a limit.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? copy = new();

        public byte[]? Copy() => copy?.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (copy is null)
            {
                return;
            }
            if (copy.Length + buffer.Length > limit)
            {
                copy = null;
                return;
            }
            copy.Write(buffer);
        }
    }
}