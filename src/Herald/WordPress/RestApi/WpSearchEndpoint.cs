using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Discovery.Search;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/search: published stories and pages matching ?search=, most relevant first, in WordPress's search-result shape.</summary>
public static class WpSearchEndpoint
{
    private sealed record Hit(int Id, string Headline, string Slug, DateTime PublishedAt, ArticleKind Kind);

    public static async Task<WpResult> ListAsync(WpContext context)
    {
        var p = context.Parameters;
        var ct = context.Http.RequestAborted;
        WpPostEndpoints.CheckContext(p);
        var paging = WpPaging.Read(p);
        var search = p.Text("search");
        p.Choice("type", "post", ["post"]);
        var subtypes = p.Strings("subtype");
        if (subtypes is not null && subtypes.Any(s => s is not ("any" or "post" or "page")))
        {
            p.Problem("subtype", "subtype[0] is not one of post, page, any.");
        }
        var include = p.Ids("include");
        var exclude = p.Ids("exclude");
        p.ThrowIfInvalid();

        var kinds = subtypes is null || subtypes.Contains("any")
            ? [ArticleKind.Story, ArticleKind.Page]
            : subtypes.Select(s => s == "page" ? ArticleKind.Page : ArticleKind.Story).Distinct().ToList();
        var source = context.Http.RequestServices.GetRequiredService<ArticleQueries>().PublishedOfAnyKind()
            .Where(a => kinds.Contains(a.Kind));
        if (include is not null)
        {
            source = source.Where(a => include.Contains(a.Id));
        }
        if (exclude is not null)
        {
            source = source.Where(a => !exclude.Contains(a.Id));
        }

        int total;
        List<Hit> rows;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var matches = await context.Http.RequestServices.GetRequiredService<ISearchIndex>().MatchNewestAsync(SearchQuery.Parse(search), ct);
            var scores = matches.ToDictionary(m => m.Id, m => m.Score);
            var ids = scores.Keys.ToList();
            // Up to 5,000 ids: one JSON-array parameter, not one SQL parameter per id.
            var all = await source.Where(a => EF.Parameter(ids).Contains(a.Id))
                .Select(a => new Hit(a.Id, a.Headline, a.Slug, a.PublishedAt!.Value, a.Kind)).ToListAsync(ct);
            total = all.Count;
            paging.EnsureExists(total, "rest_search_invalid_page_number");
            rows = all.OrderByDescending(h => scores[h.Id]).ThenByDescending(h => h.Id).Skip(paging.Skip).Take(paging.PerPage).ToList();
        }
        else
        {
            total = await source.CountAsync(ct);
            paging.EnsureExists(total, "rest_search_invalid_page_number");
            rows = await source.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PerPage)
                .Select(a => new Hit(a.Id, a.Headline, a.Slug, a.PublishedAt!.Value, a.Kind)).ToListAsync(ct);
        }

        var items = rows.Select(h =>
        {
            var subtype = h.Kind == ArticleKind.Page ? "page" : "post";
            return (JsonNode)new JsonObject
            {
                ["id"] = h.Id,
                ["title"] = h.Headline,
                ["url"] = context.Absolute(WpPosts.PathOf(h.Kind, h.Slug, h.PublishedAt, context.Zone)),
                ["type"] = "post",
                ["subtype"] = subtype,
                ["_links"] = new WpLinks()
                    .Add("self", context.Route($"{subtype}s/{h.Id}"), embeddable: true)
                    .Add("about", context.Route($"types/{subtype}"))
                    .Add("collection", context.Route("search"))
                    .Build(),
            };
        }).ToArray();
        return new WpResult.Page(new JsonArray(items), total, paging.Page, paging.PerPage);
    }
}