using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Site;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.WordPress.RestApi;

/// <summary>
/// Runs a REST handler and writes its answer as WordPress would: JSON, the paging headers
/// (X-WP-Total, X-WP-TotalPages, Link), _fields applied, and any failure as WordPress's error
/// object with its status. Nothing else (no stack trace, no HTML error page) reaches the client.
/// </summary>
public static class WpResponder
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task RunAsync(HttpContext http, Func<WpContext, Task<WpResult>> handler)
    {
        var site = await http.RequestServices.GetRequiredService<SiteState>().GetAsync(http.RequestAborted);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var context = new WpContext(http, site, now);
        WpResult result;
        try
        {
            var fields = WpFields.Read(context.Parameters);
            context.Fields = fields;
            result = await handler(context);
            context.Parameters.ThrowIfInvalid();
            result = fields is null ? result : Filter(result, fields);
        }
        catch (WpRestError error)
        {
            await WriteErrorAsync(http, error);
            return;
        }

        var response = http.Response;
        response.Headers.Allow = "GET";
        if (result is WpResult.Page page)
        {
            response.Headers["X-WP-Total"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-WP-TotalPages"] = page.TotalPages.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PageLinks(context, page) is { Length: > 0 } links)
            {
                response.Headers.Link = links;
            }
        }
        var body = result switch
        {
            WpResult.Page p => (JsonNode)p.Items,
            WpResult.One one => one.Body,
            _ => throw new InvalidOperationException("unknown result"),
        };
        await WriteJsonAsync(http, StatusCodes.Status200OK, body);
    }

    public static Task WriteErrorAsync(HttpContext http, WpRestError error)
    {
        // An error must not be stored by the output cache; it only caches 200s, but say so for any store.
        http.Response.Headers.CacheControl = "no-store";
        return WriteJsonAsync(http, error.Status, error.ToJson());
    }

    public static async Task WriteJsonAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        body.WriteTo(writer, Json);
        await writer.FlushAsync(http.RequestAborted);
    }

    private static WpResult Filter(WpResult result, WpFields fields) => result switch
    {
        WpResult.Page page => page with { Items = new JsonArray(page.Items.Select(i => (JsonNode?)fields.Apply(i!.AsObject())).ToArray()) },
        WpResult.One { Body: JsonObject one } => new WpResult.One(fields.Apply(one)),
        _ => result,
    };

    /// <summary>rel="prev" and rel="next" to the same route with the same parameters, as WordPress sends them.</summary>
    private static string PageLinks(WpContext context, WpResult.Page page)
    {
        var request = context.Http.Request;
        var others = request.Query.Where(q => q.Key != "page").ToList();
        string At(int number)
        {
            var url = context.Origin + request.PathBase + request.Path;
            foreach (var (key, values) in others)
            {
                foreach (var value in values)
                {
                    url = QueryHelpers.AddQueryString(url, key, value ?? "");
                }
            }
            return QueryHelpers.AddQueryString(url, "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var links = new StringBuilder();
        if (page.PageNumber > 1 && page.TotalPages > 0)
        {
            links.Append('<').Append(At(Math.Min(page.PageNumber - 1, page.TotalPages))).Append(">; rel=\"prev\"");
        }
        if (page.PageNumber < page.TotalPages)
        {
            if (links.Length > 0)
            {
                links.Append(", ");
            }
            links.Append('<').Append(At(page.PageNumber + 1)).Append(">; rel=\"next\"");
        }
        return links.ToString();
    }
}

/// <summary>
/// WordPress's _fields: a comma list of top-level fields, each optionally dotted into nested
/// ones ("title.rendered"); everything else is left out, _links and _embedded included.
/// </summary>
public sealed class WpFields
{
    private readonly Dictionary<string, WpFields> children = new(StringComparer.Ordinal);

    public static WpFields? Read(WpParameters parameters)
    {
        if (parameters.Strings("_fields") is not { } names)
        {
            return null;
        }
        var root = new WpFields();
        foreach (var name in names)
        {
            var node = root;
            foreach (var part in name.Split('.', 5))
            {
                if (!node.children.TryGetValue(part, out var next))
                {
                    next = new WpFields();
                    node.children[part] = next;
                }
                node = next;
            }
        }
        return root;
    }

    public bool Includes(string field) => children.ContainsKey(field);

    public JsonObject Apply(JsonObject item)
    {
        var kept = new JsonObject();
        foreach (var (name, wanted) in children)
        {
            if (!item.TryGetPropertyValue(name, out var value))
            {
                continue;
            }
            kept[name] = wanted.children.Count > 0 && value is JsonObject nested ? wanted.Apply(nested) : value?.DeepClone();
        }
        return kept;
    }
}