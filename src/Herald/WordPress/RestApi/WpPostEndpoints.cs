using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Discovery.Search;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/posts and /wp/v2/pages: published stories and pages, with WordPress's parameters.</summary>
public static class WpPostEndpoints
{
    private static readonly string[] OrderBys = ["author", "date", "id", "include", "modified", "parent", "relevance", "slug", "include_slugs", "title"];

    /// <summary>Orders that are only known in memory (a relevance score, a position in a list), over a bounded set of ids.</summary>
    private static readonly string[] OrdersInMemory = ["relevance", "include", "include_slugs"];

    public static async Task<WpResult> ListAsync(WpContext context, ArticleKind kind)
    {
        var p = context.Parameters;
        var ct = context.Http.RequestAborted;
        CheckContext(p);
        var paging = WpPaging.Read(p);
        var search = p.Text("search");
        var after = p.Date("after");
        var before = p.Date("before");
        var modifiedAfter = p.Date("modified_after");
        var modifiedBefore = p.Date("modified_before");
        var authors = p.Ids("author");
        var authorsExcluded = p.Ids("author_exclude");
        var include = p.Ids("include");
        var exclude = p.Ids("exclude");
        var slugs = p.Strings("slug");
        var orderBy = p.Choice("orderby", "date", OrderBys);
        var descending = p.Choice("order", "desc", ["asc", "desc"]) == "desc";
        CheckStatus(p);
        IReadOnlyList<int>? categories = null, categoriesExcluded = null, tags = null, tagsExcluded = null, parents = null;
        bool? sticky = null;
        int? menuOrder = null;
        if (kind == ArticleKind.Story)
        {
            categories = p.Ids("categories");
            categoriesExcluded = p.Ids("categories_exclude");
            tags = p.Ids("tags");
            tagsExcluded = p.Ids("tags_exclude");
            sticky = p.Bool("sticky");
        }
        else
        {
            parents = p.Ids("parent");
            p.Ids("parent_exclude");
            menuOrder = p.OptionalInt("menu_order", int.MinValue, int.MaxValue);
        }
        p.ThrowIfInvalid();
        if (string.IsNullOrWhiteSpace(search))
        {
            search = null;
        }
        if (orderBy == "relevance" && search is null)
        {
            throw new WpRestError("rest_no_search_term_defined", "You need to define a search term to order by relevance.", StatusCodes.Status400BadRequest);
        }
        if (orderBy == "include" && include is null)
        {
            throw new WpRestError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.", StatusCodes.Status400BadRequest);
        }

        var queries = context.Http.RequestServices.GetRequiredService<ArticleQueries>();
        var source = kind == ArticleKind.Page ? queries.PublishedPages() : queries.Published();
        IReadOnlyList<(int Id, double Score)>? matches = null;
        if (search is not null)
        {
            matches = await context.Http.RequestServices.GetRequiredService<ISearchIndex>().MatchNewestAsync(SearchQuery.Parse(search), ct);
            var matched = matches.Select(m => m.Id).ToList();
            // Up to 5,000 ids: one JSON-array parameter, not one SQL parameter per id (EF's default
            // for small lists), which cost seconds of SQL generation on every request.
            source = source.Where(a => EF.Parameter(matched).Contains(a.Id));
        }
        if (after is { } since)
        {
            source = source.Where(a => a.PublishedAt > since);
        }
        if (before is { } until)
        {
            source = source.Where(a => a.PublishedAt < until);
        }
        if (modifiedAfter is { } modifiedSince)
        {
            source = source.Where(a => (a.UpdatedAt ?? a.PublishedAt) > modifiedSince);
        }
        if (modifiedBefore is { } modifiedUntil)
        {
            source = source.Where(a => (a.UpdatedAt ?? a.PublishedAt) < modifiedUntil);
        }
        if (authors is not null)
        {
            source = source.Where(a => a.Authors.Any(b => authors.Contains(b.AuthorId)));
        }
        if (authorsExcluded is not null)
        {
            source = source.Where(a => !a.Authors.Any(b => authorsExcluded.Contains(b.AuthorId)));
        }
        if (include is not null)
        {
            source = source.Where(a => include.Contains(a.Id));
        }
        if (exclude is not null)
        {
            source = source.Where(a => !exclude.Contains(a.Id));
        }
        if (slugs is not null)
        {
            source = source.Where(a => slugs.Contains(a.Slug));
        }
        if (categories is not null)
        {
            source = source.Where(a => a.Categories.Any(c => categories.Contains(c.Id)) || (a.PrimaryCategoryId != null && categories.Contains(a.PrimaryCategoryId.Value)));
        }
        if (categoriesExcluded is not null)
        {
            source = source.Where(a => !a.Categories.Any(c => categoriesExcluded.Contains(c.Id)) && (a.PrimaryCategoryId == null || !categoriesExcluded.Contains(a.PrimaryCategoryId.Value)));
        }
        if (tags is not null)
        {
            source = source.Where(a => a.Tags.Any(t => tags.Contains(t.Id)));
        }
        if (tagsExcluded is not null)
        {
            source = source.Where(a => !a.Tags.Any(t => tagsExcluded.Contains(t.Id)));
        }
        if (sticky is { } wantSticky)
        {
            source = source.Where(a => a.IsSticky == wantSticky);
        }
        if (parents is not null && !parents.Contains(0))
        {
            // Herald's pages do not nest: every page has parent 0.
            source = source.Where(a => false);
        }
        if (menuOrder is { } order && order != 0)
        {
            source = source.Where(a => false);
        }

        int total;
        List<WpPostRow> rows;
        if (OrdersInMemory.Contains(orderBy) && (orderBy != "include_slugs" || slugs is not null))
        {
            var ids = await source.Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
            total = ids.Count;
            paging.EnsureExists(total, "rest_post_invalid_page_number");
            IEnumerable<int> ordered = orderBy switch
            {
                "relevance" => Rank(ids.Select(i => i.Id), matches!, descending),
                "include" => ids.Select(i => i.Id).OrderBy(id => WpListing.Place(include!, id)),
                _ => ids.OrderBy(i => WpListing.Place(slugs!, i.Slug)).Select(i => i.Id),
            };
            var pageIds = ordered.Skip(paging.Skip).Take(paging.PerPage).ToList();
            var loaded = await WpPosts.Rows((kind == ArticleKind.Page ? queries.PublishedPages() : queries.Published()).Where(a => pageIds.Contains(a.Id))).AsSplitQuery().ToDictionaryAsync(r => r.Id, ct);
            rows = pageIds.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        }
        else
        {
            total = await source.CountAsync(ct);
            paging.EnsureExists(total, "rest_post_invalid_page_number");
            rows = total == 0 ? [] : await WpPosts.Rows(Order(source, orderBy, descending).Skip(paging.Skip).Take(paging.PerPage)).AsSplitQuery().ToListAsync(ct);
        }

        var items = rows.Select(r => WpPosts.ToJson(r, context)).ToList();
        await WpPosts.EmbedAsync(rows, items, context, ct);
        return new WpResult.Page(new JsonArray(items.Select(i => (JsonNode)i).ToArray()), total, paging.Page, paging.PerPage);
    }

    public static async Task<WpResult> OneAsync(WpContext context, ArticleKind kind, int id)
    {
        CheckContext(context.Parameters);
        context.Parameters.ThrowIfInvalid();
        var ct = context.Http.RequestAborted;
        var queries = context.Http.RequestServices.GetRequiredService<ArticleQueries>();
        var source = kind == ArticleKind.Page ? queries.PublishedPages() : queries.Published();
        var row = await WpPosts.Rows(source.Where(a => a.Id == id)).AsSplitQuery().FirstOrDefaultAsync(ct)
            ?? throw WpRestError.InvalidPostId();
        if (context.Http.Request.Query.ContainsKey("password") && !WpPosts.PasswordGiven(row, context))
        {
            // WordPress's answer to a wrong password for one post.
            throw new WpRestError("rest_post_incorrect_password", "Incorrect post password.", StatusCodes.Status403Forbidden);
        }
        var item = WpPosts.ToJson(row, context);
        await WpPosts.EmbedAsync([row], [item], context, ct);
        return new WpResult.One(item);
    }

    /// <summary>Only the public "view" (and "embed") context exists here: "edit" needs an account WordPress would check.</summary>
    public static void CheckContext(WpParameters p)
    {
        if (p.Choice("context", "view", ["view", "embed", "edit"]) == "edit")
        {
            throw new WpRestError("rest_forbidden_context", "Sorry, you are not allowed to edit posts in this post type.", StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>Anonymous clients may ask only for published items, as on WordPress.</summary>
    private static void CheckStatus(WpParameters p)
    {
        if (p.Strings("status") is { } statuses && statuses.Any(s => s != "publish"))
        {
            p.Problem("status", "Status is forbidden.");
        }
    }

    private static IQueryable<Article> Order(IQueryable<Article> source, string orderBy, bool descending) => (orderBy, descending) switch
    {
        ("id", true) => source.OrderByDescending(a => a.Id),
        ("id", false) => source.OrderBy(a => a.Id),
        ("title", true) => source.OrderByDescending(a => a.Headline).ThenByDescending(a => a.Id),
        ("title", false) => source.OrderBy(a => a.Headline).ThenBy(a => a.Id),
        ("slug", true) => source.OrderByDescending(a => a.Slug).ThenByDescending(a => a.Id),
        ("slug", false) => source.OrderBy(a => a.Slug).ThenBy(a => a.Id),
        ("modified", true) => source.OrderByDescending(a => a.UpdatedAt ?? a.PublishedAt).ThenByDescending(a => a.Id),
        ("modified", false) => source.OrderBy(a => a.UpdatedAt ?? a.PublishedAt).ThenBy(a => a.Id),
        ("author", true) => source.OrderByDescending(a => a.Authors.OrderBy(b => b.Position).Select(b => (int?)b.AuthorId).FirstOrDefault()).ThenByDescending(a => a.Id),
        ("author", false) => source.OrderBy(a => a.Authors.OrderBy(b => b.Position).Select(b => (int?)b.AuthorId).FirstOrDefault()).ThenBy(a => a.Id),
        (_, true) => source.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id),
        (_, false) => source.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id),
    };

    private static IEnumerable<int> Rank(IEnumerable<int> ids, IReadOnlyList<(int Id, double Score)> matches, bool descending)
    {
        var scores = matches.ToDictionary(m => m.Id, m => m.Score);
        return descending
            ? ids.OrderByDescending(id => scores[id]).ThenByDescending(id => id)
            : ids.OrderBy(id => scores[id]).ThenBy(id => id);
    }
}