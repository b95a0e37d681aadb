using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Site;

namespace Herald.WordPress.RestApi;

/// <summary>What a write answers: its status (201 for something made), the body, and where the new item lives.</summary>
public sealed record WpWriteResult(int Status, JsonNode Body, string? Location = null);

/// <summary>
/// Runs a write route as WordPress would: the writer authenticated first (<see cref="WpAuthentication"/>),
/// then the handler; every refusal as WordPress's error object; nothing stored by any cache.
/// </summary>
public static class WpWriteResponder
{
    /// <summary>A post's JSON, with its HTML body, is at most this large; WordPress clients send nothing near it.</summary>
    public const int MaxJsonBytes = 2 * 1024 * 1024;

    public static async Task RunAsync(HttpContext http, Func<WpContext, ClaimsPrincipal, Task<WpWriteResult>> handler)
    {
        http.Response.Headers.CacheControl = "no-store";
        WpWriteResult result;
        try
        {
            var user = await http.RequestServices.GetRequiredService<WpAuthentication>().RequireAsync(http);
            var site = await http.RequestServices.GetRequiredService<SiteState>().GetAsync(http.RequestAborted);
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            result = await handler(new WpContext(http, site, now), user);
        }
        catch (WpRestError error)
        {
            await WpResponder.WriteErrorAsync(http, error);
            return;
        }
        if (result.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }
        await WpResponder.WriteJsonAsync(http, result.Status, result.Body);
    }

    /// <summary>The request's JSON object, read within <see cref="MaxJsonBytes"/>; WordPress's errors for anything else.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > MaxJsonBytes)
        {
            throw TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return [];
        }
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new WpRestError("rest_invalid_json", "Send the fields as JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 16 }) as JsonObject
                ?? throw new WpRestError("rest_invalid_json", "The body must be one JSON object of fields, e.g. {\"title\": \"...\"}.", StatusCodes.Status400BadRequest);
        }
        catch (JsonException error)
        {
            throw new WpRestError("rest_invalid_json", $"Invalid JSON body passed: {error.Message}", StatusCodes.Status400BadRequest);
        }
    }

    private static WpRestError TooLarge() =>
        new("rest_request_too_large", $"The request body has at most {MaxJsonBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
}