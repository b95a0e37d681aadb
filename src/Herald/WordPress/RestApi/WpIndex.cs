using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>
/// GET /wp-json/ and /wp-json/wp/v2: what clients that discover the API read — the site, the
/// namespaces, and each route with its methods and parameters — plus the small "types" and
/// "taxonomies" routes that items link to as "about".
/// </summary>
public static class WpIndex
{
    private static readonly string[] Paging = ["context", "page", "per_page", "search", "include", "exclude", "offset", "order", "orderby", "_fields", "_embed"];

    /// <summary>Every route and the parameters it reads, in the form WordPress lists them.</summary>
    private static readonly (string Route, string[] Args)[] Routes =
    [
        ("posts", [.. Paging, "after", "before", "modified_after", "modified_before", "author", "author_exclude", "slug", "status", "categories", "categories_exclude", "tags", "tags_exclude", "sticky"]),
        ("posts/(?P<id>[\\d]+)", ["id", "context", "password", "_fields", "_embed"]),
        ("pages", [.. Paging, "after", "before", "modified_after", "modified_before", "author", "author_exclude", "slug", "status", "parent", "parent_exclude", "menu_order"]),
        ("pages/(?P<id>[\\d]+)", ["id", "context", "_fields", "_embed"]),
        ("categories", [.. Paging, "hide_empty", "parent", "post", "slug"]),
        ("categories/(?P<id>[\\d]+)", ["id", "context", "_fields"]),
        ("tags", [.. Paging, "hide_empty", "post", "slug"]),
        ("tags/(?P<id>[\\d]+)", ["id", "context", "_fields"]),
        ("users", [.. Paging, "slug"]),
        ("users/(?P<id>[\\d]+)", ["id", "context", "_fields"]),
        ("comments", [.. Paging, "after", "before", "parent", "parent_exclude", "post", "type"]),
        ("comments/(?P<id>[\\d]+)", ["id", "context", "_fields"]),
        ("media", [.. Paging, "after", "before", "parent", "media_type", "mime_type"]),
        ("media/(?P<id>[\\d]+)", ["id", "context", "_fields"]),
        ("search", ["context", "page", "per_page", "search", "type", "subtype", "include", "exclude", "_fields"]),
        ("types", ["context"]),
        ("types/(?P<type>[\\w-]+)", ["type", "context"]),
        ("taxonomies", ["context"]),
        ("taxonomies/(?P<taxonomy>[\\w-]+)", ["taxonomy", "context"]),
    ];

    public static Task<WpResult> SiteAsync(WpContext context)
    {
        var settings = context.Site.Settings;
        var offset = context.Zone.GetUtcOffset(context.NowUtc).TotalHours;
        var routes = new JsonObject
        {
            ["/"] = Route(context, "", context.ApiRoot, []),
        };
        foreach (var (name, node) in NamespaceRoutes(context))
        {
            routes[name] = node;
        }
        return Task.FromResult<WpResult>(new WpResult.One(new JsonObject
        {
            ["name"] = settings.Title,
            ["description"] = settings.Tagline,
            ["url"] = context.Origin,
            ["home"] = context.Origin,
            ["gmt_offset"] = offset,
            ["timezone_string"] = settings.TimeZoneId,
            ["namespaces"] = new JsonArray(WpRestApi.Namespace),
            ["authentication"] = new JsonObject(),
            ["routes"] = routes,
            ["_links"] = new WpLinks().Build(),
        }));
    }

    public static Task<WpResult> NamespaceAsync(WpContext context)
    {
        var routes = new JsonObject();
        foreach (var (name, node) in NamespaceRoutes(context))
        {
            routes[name] = node;
        }
        return Task.FromResult<WpResult>(new WpResult.One(new JsonObject
        {
            ["namespace"] = WpRestApi.Namespace,
            ["routes"] = routes,
            ["_links"] = new WpLinks().Add("up", context.ApiRoot).Build(),
        }));
    }

    private static IEnumerable<(string Name, JsonObject Node)> NamespaceRoutes(WpContext context)
    {
        yield return ("/" + WpRestApi.Namespace, Route(context, WpRestApi.Namespace, context.ApiRoot + WpRestApi.Namespace, ["namespace", "context"]));
        foreach (var (route, args) in Routes)
        {
            var self = route.Contains('(', StringComparison.Ordinal) ? null : context.Route(route);
            yield return ($"/{WpRestApi.Namespace}/{route}", Route(context, WpRestApi.Namespace, self, args));
        }
    }

    private static JsonObject Route(WpContext context, string ns, string? self, string[] args)
    {
        var arguments = new JsonObject();
        foreach (var arg in args)
        {
            arguments[arg] = new JsonObject { ["required"] = arg is "id" or "type" or "taxonomy" };
        }
        var node = new JsonObject
        {
            ["namespace"] = ns,
            ["methods"] = new JsonArray("GET"),
            ["endpoints"] = new JsonArray(new JsonObject { ["methods"] = new JsonArray("GET"), ["args"] = arguments }),
        };
        if (self is not null)
        {
            node["_links"] = new WpLinks().Add("self", self).Build();
        }
        return node;
    }

    private static readonly (string Slug, string Name, string RestBase, string[] Taxonomies, bool Hierarchical)[] Types =
    [
        ("post", "Posts", "posts", [WpTerms.Category, WpTerms.Tag], false),
        ("page", "Pages", "pages", [], true),
        ("attachment", "Media", "media", [], false),
    ];

    private static readonly (string Slug, string Name, string RestBase, bool Hierarchical)[] Taxonomies =
    [
        (WpTerms.Category, "Categories", "categories", true),
        (WpTerms.Tag, "Tags", "tags", false),
    ];

    public static Task<WpResult> TypesAsync(WpContext context, string? slug)
    {
        context.Parameters.ThrowIfInvalid();
        JsonObject Shape((string Slug, string Name, string RestBase, string[] Taxonomies, bool Hierarchical) type) => new()
        {
            ["description"] = "",
            ["hierarchical"] = type.Hierarchical,
            ["has_archive"] = type.Slug == "post",
            ["name"] = type.Name,
            ["slug"] = type.Slug,
            ["taxonomies"] = new JsonArray(type.Taxonomies.Select(t => (JsonNode)t).ToArray()),
            ["rest_base"] = type.RestBase,
            ["rest_namespace"] = WpRestApi.Namespace,
            ["_links"] = new WpLinks()
                .Add("collection", context.Route("types"))
                .Add("wp:items", context.Route(type.RestBase))
                .WithCuries(),
        };
        return Task.FromResult(AllOrOne(Types, t => t.Slug, slug, Shape,
            () => new WpRestError("rest_type_invalid", "Invalid post type.", StatusCodes.Status404NotFound)));
    }

    public static Task<WpResult> TaxonomiesAsync(WpContext context, string? slug)
    {
        context.Parameters.ThrowIfInvalid();
        JsonObject Shape((string Slug, string Name, string RestBase, bool Hierarchical) taxonomy) => new()
        {
            ["name"] = taxonomy.Name,
            ["slug"] = taxonomy.Slug,
            ["description"] = "",
            ["types"] = new JsonArray("post"),
            ["hierarchical"] = taxonomy.Hierarchical,
            ["rest_base"] = taxonomy.RestBase,
            ["rest_namespace"] = WpRestApi.Namespace,
            ["_links"] = new WpLinks()
                .Add("collection", context.Route("taxonomies"))
                .Add("wp:items", context.Route(taxonomy.RestBase))
                .WithCuries(),
        };
        return Task.FromResult(AllOrOne(Taxonomies, t => t.Slug, slug, Shape,
            () => new WpRestError("rest_taxonomy_invalid", "Invalid taxonomy.", StatusCodes.Status404NotFound)));
    }

    /// <summary>Every item keyed by its slug, or the one the slug names (404 when none does).</summary>
    private static WpResult AllOrOne<T>(IEnumerable<T> items, Func<T, string> slugOf, string? slug, Func<T, JsonObject> shape, Func<WpRestError> notFound)
    {
        if (slug is null)
        {
            var all = new JsonObject();
            foreach (var item in items)
            {
                all[slugOf(item)] = shape(item);
            }
            return new WpResult.One(all);
        }
        foreach (var item in items.Where(i => slugOf(i) == slug))
        {
            return new WpResult.One(shape(item));
        }
        throw notFound();
    }
}