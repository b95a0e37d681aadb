using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/users: the public profile of every byline with published work.</summary>
public static class WpUserEndpoints
{
    private static readonly string[] OrderBys = ["id", "include", "name", "registered_date", "slug", "include_slugs", "email", "url"];

    public static async Task<WpResult> ListAsync(WpContext context)
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
        if (orderBy is "email" or "registered_date")
        {
            // WordPress lets only people who may list users order by these; nobody here is signed in.
            throw new WpRestError("rest_forbidden_orderby", "Sorry, you are not allowed to order users by this parameter.", StatusCodes.Status401Unauthorized);
        }
        if (p.Has("roles") || p.Has("capabilities") || p.Has("who"))
        {
            throw new WpRestError("rest_user_cannot_view", "Sorry, you are not allowed to filter users by role.", StatusCodes.Status401Unauthorized);
        }
        p.ThrowIfInvalid();

        var users = WpUsers.Public(context.Db, context.NowUtc);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToLowerInvariant();
            users = users.Where(u => u.Name.ToLower().Contains(needle) || u.Slug.Contains(needle));
        }
        if (include is not null)
        {
            users = users.Where(u => include.Contains(u.Id));
        }
        if (exclude is not null)
        {
            users = users.Where(u => !exclude.Contains(u.Id));
        }
        if (slugs is not null)
        {
            users = users.Where(u => slugs.Contains(u.Slug));
        }
        var total = await users.CountAsync(ct);
        List<WpUserRow> rows;
        if ((orderBy == "include" && include is not null) || (orderBy == "include_slugs" && slugs is not null))
        {
            var all = await users.ToListAsync(ct);
            rows = all.OrderBy(u => orderBy == "include" ? Position(include!, u.Id) : Position(slugs!, u.Slug))
                .Skip(paging.Skip).Take(paging.PerPage).ToList();
        }
        else
        {
            var ordered = orderBy switch
            {
                "id" => descending ? users.OrderByDescending(u => u.Id) : users.OrderBy(u => u.Id),
                "slug" => descending ? users.OrderByDescending(u => u.Slug) : users.OrderBy(u => u.Slug),
                _ => descending ? users.OrderByDescending(u => u.Name).ThenByDescending(u => u.Id) : users.OrderBy(u => u.Name).ThenBy(u => u.Id),
            };
            rows = total == 0 ? [] : await ordered.Skip(paging.Skip).Take(paging.PerPage).ToListAsync(ct);
        }
        var items = rows.Select(u => (JsonNode)WpUsers.ToJson(u, context)).ToArray();
        return new WpResult.Page(new JsonArray(items), total, paging.Page, paging.PerPage);
    }

    public static async Task<WpResult> OneAsync(WpContext context, int id)
    {
        WpPostEndpoints.CheckContext(context.Parameters);
        context.Parameters.ThrowIfInvalid();
        var user = await WpUsers.Public(context.Db, context.NowUtc).FirstOrDefaultAsync(u => u.Id == id, context.Http.RequestAborted);
        if (user is not null)
        {
            return new WpResult.One(WpUsers.ToJson(user, context));
        }
        // Like WordPress: a person without published work exists but is not public.
        var exists = await context.Db.Authors.AnyAsync(a => a.Id == id, context.Http.RequestAborted);
        throw exists
            ? new WpRestError("rest_user_cannot_view", "Sorry, you are not allowed to list users.", StatusCodes.Status401Unauthorized)
            : WpRestError.InvalidUserId();
    }

    private static int Position<T>(IReadOnlyList<T> list, T value)
    {
        var index = list.ToList().IndexOf(value);
        return index < 0 ? int.MaxValue : index;
    }
}