using Microsoft.AspNetCore.Http.Features;

namespace Herald.Hosting;

/// <summary>
/// Turns malformed requests away early with a 400 or 414 page: over-long paths, broken
/// percent-encoding and control characters would otherwise reach routing and pages that
/// do not expect them.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next)
{
    public const int MaxPathLength = 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context); // Rendering the error page for a request already judged.
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var queryStart = raw.IndexOf('?');
        var rawPath = queryStart >= 0 ? raw[..queryStart] : raw;

        if (rawPath.Length > MaxPathLength)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            return Task.CompletedTask;
        }
        if (!HasValidPercentEncoding(raw) || HasControlCharacters(context.Request.Path.Value))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
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