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
        var list = WpListing.Read(p, OrderBys, "name", "asc");
        var slugs = p.Strings("slug");
        var hideEmpty = p.Bool("hide_empty") ?? false;
        var post = p.OptionalInt("post", 0, int.MaxValue);
        var parent = taxonomy == WpTerms.Category ? p.OptionalInt("parent", 0, int.MaxValue) : null;
        p.ThrowIfInvalid();

        var db = context.Db;
        var terms = list.ById(taxonomy == WpTerms.Category ? WpTerms.Categories(db) : WpTerms.Tags(db), t => t.Id);
        if (post is { } postId)
        {
            var ids = await PostTermIdsAsync(context, postId, taxonomy, ct);
            terms = terms.Where(t => ids.Contains(t.Id));
        }
        if (list.Needle is { } needle)
        {
            terms = terms.Where(t => t.Name.ToLower().Contains(needle) || t.Slug.Contains(needle));
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
        IEnumerable<WpTermRow> rows;
        if (list.InListedOrder)
        {
            rows = list.PageInListedOrder(await terms.ToListAsync(ct), t => t.Id);
        }
        else if (list.OrderBy == "include_slugs" && slugs is not null)
        {
            rows = (await terms.ToListAsync(ct)).OrderBy(t => WpListing.Place(slugs, t.Slug)).Skip(list.Paging.Skip).Take(list.Paging.PerPage);
        }
        else
        {
            rows = total == 0 ? [] : await WpTerms.Order(terms, list.OrderBy, list.Descending).Skip(list.Paging.Skip).Take(list.Paging.PerPage).ToListAsync(ct);
        }
        return list.Answer(rows, t => WpTerms.ToJson(t, taxonomy, context), total);
    }

    public static async Task<WpResult> OneAsync(WpContext context, string taxonomy, int id)
    {
        WpListing.ReadOne(context);
        var db = context.Db;
        var terms = taxonomy == WpTerms.Category ? WpTerms.Categories(db) : WpTerms.Tags(db);
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
}