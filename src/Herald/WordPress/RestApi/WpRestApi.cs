using Herald.Articles;
using Herald.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.WordPress.RestApi;

/// <summary>
/// An API compatible with the WordPress REST API v2, so that apps and scripts written for a
/// WordPress site keep working after the move. Routes live under /wp-json; every GET is
/// output-cached per query string and evicted with the pages (tag <see cref="CacheTags.WordPressApi"/>);
/// posts and media are written with application passwords (<see cref="WpAuthentication"/>).
/// docs/api.md says what is supported and what is not.
/// </summary>
public static class WpRestApi
{
    public const string Prefix = "/wp-json";
    public const string Namespace = "wp/v2";
    /// <summary>Its output-cache policy, declared with the others (<see cref="Caching.WordPressApi"/>).</summary>
    public const string CachePolicy = Caching.WordPressApi;

    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    public static void MapWordPressRestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        Read(api, "/", WpIndex.SiteAsync);
        Read(api, "/wp/v2", WpIndex.NamespaceAsync);
        Read(api, "/wp/v2/posts", c => WpPostEndpoints.ListAsync(c, ArticleKind.Story));
        ReadOne(api, "/wp/v2/posts/{id}", (c, id) => WpPostEndpoints.OneAsync(c, ArticleKind.Story, id), WpRestError.InvalidPostId);
        Read(api, "/wp/v2/pages", c => WpPostEndpoints.ListAsync(c, ArticleKind.Page));
        ReadOne(api, "/wp/v2/pages/{id}", (c, id) => WpPostEndpoints.OneAsync(c, ArticleKind.Page, id), WpRestError.InvalidPostId);
        Read(api, "/wp/v2/categories", c => WpTermEndpoints.ListAsync(c, WpTerms.Category));
        ReadOne(api, "/wp/v2/categories/{id}", (c, id) => WpTermEndpoints.OneAsync(c, WpTerms.Category, id), WpRestError.InvalidTerm);
        Read(api, "/wp/v2/tags", c => WpTermEndpoints.ListAsync(c, WpTerms.Tag));
        ReadOne(api, "/wp/v2/tags/{id}", (c, id) => WpTermEndpoints.OneAsync(c, WpTerms.Tag, id), WpRestError.InvalidTerm);
        Read(api, "/wp/v2/users", WpUserEndpoints.ListAsync);
        ReadOne(api, "/wp/v2/users/{id}", WpUserEndpoints.OneAsync, WpRestError.InvalidUserId);
        Read(api, "/wp/v2/comments", WpCommentEndpoints.ListAsync);
        ReadOne(api, "/wp/v2/comments/{id}", WpCommentEndpoints.OneAsync, WpRestError.InvalidCommentId);
        Read(api, "/wp/v2/media", WpMediaEndpoints.ListAsync);
        ReadOne(api, "/wp/v2/media/{id}", WpMediaEndpoints.OneAsync, WpRestError.InvalidPostId);
        Read(api, "/wp/v2/search", WpSearchEndpoint.ListAsync);
        Read(api, "/wp/v2/types", c => WpIndex.TypesAsync(c, null));
        api.MapMethods("/wp/v2/types/{type}", Reads, (HttpContext http, string type) => WpResponder.RunAsync(http, c => WpIndex.TypesAsync(c, type)))
            .CacheOutput(CachePolicy);
        Read(api, "/wp/v2/taxonomies", c => WpIndex.TaxonomiesAsync(c, null));
        api.MapMethods("/wp/v2/taxonomies/{taxonomy}", Reads, (HttpContext http, string taxonomy) => WpResponder.RunAsync(http, c => WpIndex.TaxonomiesAsync(c, taxonomy)))
            .CacheOutput(CachePolicy);

        MapWrites(api);

        // Anything else under /wp-json — another namespace, a write, a route Herald lacks — is WordPress's "no route".
        api.Map("/{**rest}", (HttpContext http) => WpResponder.WriteErrorAsync(http, WpRestError.NoRoute()));
    }

    /// <summary>The write routes: authenticated by application password (<see cref="WpAuthentication"/>), never cached.</summary>
    private static void MapWrites(RouteGroupBuilder api)
    {
        api.MapPost("/wp/v2/posts", (HttpContext http) => WpWriteResponder.RunAsync(http, WpPostWrites.CreateAsync));
        api.MapMethods("/wp/v2/posts/{id}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch], (HttpContext http, string id) =>
            WithId(http, id, number => WpWriteResponder.RunAsync(http, (c, user) => WpPostWrites.SaveAsync(c, user, number))));
        api.MapDelete("/wp/v2/posts/{id}", (HttpContext http, string id) =>
            WithId(http, id, number => WpWriteResponder.RunAsync(http, (c, user) => WpPostWrites.DeleteAsync(c, user, number))));
        api.MapPost("/wp/v2/media", (HttpContext http) => WpWriteResponder.RunAsync(http, WpMediaWrites.UploadAsync));
        api.MapPost("/wp/v2/comments", (HttpContext http) => WpWriteResponder.RunAsync(http, WpCommentWrites.CreateAsync));
        api.MapMethods("/wp/v2/comments/{id}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch], (HttpContext http, string id) =>
            WithId(http, id, number => WpWriteResponder.RunAsync(http, (c, user) => WpCommentWrites.UpdateAsync(c, user, number))));
        api.MapDelete("/wp/v2/comments/{id}", (HttpContext http, string id) =>
            WithId(http, id, number => WpWriteResponder.RunAsync(http, (c, user) => WpCommentWrites.DeleteAsync(c, user, number))));
    }

    /// <summary>A numeric id as the read routes take it: other text is no route, a number beyond any row an unknown post.</summary>
    private static Task WithId(HttpContext http, string id, Func<int, Task> write)
    {
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            return WpResponder.WriteErrorAsync(http, WpRestError.NoRoute());
        }
        return int.TryParse(id, out var number) ? write(number) : WpResponder.WriteErrorAsync(http, WpRestError.InvalidPostId());
    }

    private static void Read(RouteGroupBuilder api, string pattern, Func<WpContext, Task<WpResult>> handler) =>
        api.MapMethods(pattern, Reads, (HttpContext http) => WpResponder.RunAsync(http, handler)).CacheOutput(CachePolicy);

    /// <summary>
    /// A route with a numeric id, as WordPress's (?P&lt;id&gt;[\d]+): other text is no route at all, and
    /// a number too large for any row is an unknown item.
    /// </summary>
    private static void ReadOne(RouteGroupBuilder api, string pattern, Func<WpContext, int, Task<WpResult>> handler, Func<WpRestError> unknown) =>
        api.MapMethods(pattern, Reads, (HttpContext http, string id) =>
        {
            if (id.Length == 0 || !id.All(char.IsAsciiDigit))
            {
                return WpResponder.WriteErrorAsync(http, WpRestError.NoRoute());
            }
            return WpResponder.RunAsync(http, c => int.TryParse(id, out var number) ? handler(c, number) : throw unknown());
        }).CacheOutput(CachePolicy);
}