using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/categories and /wp/v2/tags.</summary>
public static class WpTermEndpoints
{
    private static readonly string[] OrderBys = ["id", "include", "name", "slug", "include_slugs", "term_group", "description", "count"];

    public static async Task<WpResult> ListAsync(WpContext context, string taxonomy)
    {
        var p = context.Parameters;
        var ct = context.Http.RequestAborted;
        WpPostEndpoints.CheckContext(p);
        var paging = WpPaging.Read(p);
        var search = p.Text("search");
        var include = p.Ids("include");
        var exclude = p.Ids("exclude");
        var slugs = p.Strings("slug");
        var orderBy = p.Choice("orderby", "name", OrderBys);
        var descending = p.Choice("order", "asc", ["asc", "desc"]) == "desc";
        var hideEmpty = p.Bool("hide_empty") ?? false;
        var post = p.OptionalInt("post", 0, int.MaxValue);
        var parent = taxonomy == WpTerms.Category ? p.OptionalInt("parent", 0, int.MaxValue) : null;
        p.ThrowIfInvalid();

        var db = context.Db;
        var terms = taxonomy == WpTerms.Category ? WpTerms.Categories(db, context.NowUtc) : WpTerms.Tags(db, context.NowUtc);
        if (post is { } postId)
        {
            var ids = await PostTermIdsAsync(context, postId, taxonomy, ct);
            terms = terms.Where(t => ids.Contains(t.Id));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToLowerInvariant();
            terms = terms.Where(t => t.Name.ToLower().Contains(needle) || t.Slug.Contains(needle));
        }
        if (include is not null)
        {
            terms = terms.Where(t => include.Contains(t.Id));
        }
        if (exclude is not null)
        {
            terms = terms.Where(t => !exclude.Contains(t.Id));
        }
        if (slugs is not null)
        {
            terms = terms.Where(t => slugs.Contains(t.Slug));
        }
        if (hideEmpty)
        {
            terms = terms.Where(t => t.Count > 0);
        }
        if (parent is { } parentId)
        {
            terms = parentId == 0 ? terms.Where(t => t.ParentId == null) : terms.Where(t => t.ParentId == parentId);
        }

        var total = await terms.CountAsync(ct);
        List<WpTermRow> rows;
        if ((orderBy == "include" && include is not null) || (orderBy == "include_slugs" && slugs is not null))
        {
            // At most a hundred listed terms: ordered by their place in the list.
            var all = await terms.ToListAsync(ct);
            rows = all.OrderBy(t => orderBy == "include" ? IndexOf(include!, t.Id) : IndexOf(slugs!, t.Slug))
                .Skip(paging.Skip).Take(paging.PerPage).ToList();
        }
        else
        {
            rows = total == 0 ? [] : await WpTerms.Order(terms, orderBy, descending).Skip(paging.Skip).Take(paging.PerPage).ToListAsync(ct);
        }
        var items = rows.Select(t => (JsonNode)WpTerms.ToJson(t, taxonomy, context)).ToArray();
        return new WpResult.Page(new JsonArray(items), total, paging.Page, paging.PerPage);
    }

    public static async Task<WpResult> OneAsync(WpContext context, string taxonomy, int id)
    {
        WpPostEndpoints.CheckContext(context.Parameters);
        context.Parameters.ThrowIfInvalid();
        var db = context.Db;
        var terms = taxonomy == WpTerms.Category ? WpTerms.Categories(db, context.NowUtc) : WpTerms.Tags(db, context.NowUtc);
        var term = await terms.FirstOrDefaultAsync(t => t.Id == id, context.Http.RequestAborted) ?? throw WpRestError.InvalidTerm();
        return new WpResult.One(WpTerms.ToJson(term, taxonomy, context));
    }

    /// <summary>The terms of one published story; none when it is not public.</summary>
    private static async Task<List<int>> PostTermIdsAsync(WpContext context, int postId, string taxonomy, CancellationToken ct)
    {
        var queries = context.Http.RequestServices.GetRequiredService<Articles.ArticleQueries>();
        var post = queries.Published().Where(a => a.Id == postId);
        if (taxonomy == WpTerms.Tag)
        {
            return await post.SelectMany(a => a.Tags.Select(t => t.Id)).ToListAsync(ct);
        }
        var found = await post.Select(a => new { a.PrimaryCategoryId, Ids = a.Categories.Select(c => c.Id).ToList() }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return [];
        }
        return found.PrimaryCategoryId is { } primary ? [.. found.Ids, primary] : found.Ids;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T value)
    {
        var index = list.ToList().IndexOf(value);
        return index < 0 ? int.MaxValue : index;
    }
}