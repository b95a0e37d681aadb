using Microsoft.AspNetCore.Http.Features;

namespace Herald.Hosting;

/// <summary>
/// Turns malformed requests away early with a 400, 414 or 431 page: over-long paths and
/// addresses, oversized headers, broken percent-encoding and control characters would otherwise
/// reach routing and pages that do not expect them. Kestrel's own limits sit at twice these
/// (<see cref="KestrelRequestLineBytes"/>, <see cref="KestrelHeaderBytes"/>), because Kestrel
/// refuses with an empty body; up to them a person gets a page that says what went wrong.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next)
{
    public const int MaxPathLength = 1024;

    /// <summary>The longest address (path and query) Herald reads: far beyond any link it makes.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>All header names and values together; more is nearly always a pile of cookies.</summary>
    public const int MaxHeaderChars = 32 * 1024;

    public const int KestrelRequestLineBytes = 2 * MaxTargetLength;
    public const int KestrelHeaderBytes = 2 * MaxHeaderChars;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context); // Rendering the error page for a request already judged.
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var queryStart = raw.IndexOf('?');
        var rawPath = queryStart >= 0 ? raw[..queryStart] : raw;

        if (rawPath.Length > MaxPathLength || raw.Length > MaxTargetLength)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            return Task.CompletedTask;
        }
        if (HeaderChars(context.Request.Headers) > MaxHeaderChars)
        {
            context.Response.StatusCode = StatusCodes.Status431RequestHeaderFieldsTooLarge;
            return Task.CompletedTask;
        }
        if (!HasValidPercentEncoding(raw) || HasControlCharacters(context.Request.Path.Value))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static int HeaderChars(IHeaderDictionary headers)
    {
        var total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }
        return total;
    }

    private static bool HasValidPercentEncoding(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2])))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasControlCharacters(string? path)
    {
        // Kestrel keeps invalid UTF-8 in a path as U+FFFD; no Herald URL contains one.
        return path is not null && path.Any(c => char.IsControl(c) || c == '\uFFFD');
    }
}