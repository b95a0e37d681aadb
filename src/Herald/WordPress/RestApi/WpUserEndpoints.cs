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
        var list = WpListing.Read(p, OrderBys, "name", "asc");
        var slugs = p.Strings("slug");
        var (orderBy, descending) = (list.OrderBy, list.Descending);
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

        var users = list.ById(WpUsers.Public(context.Db, context.NowUtc), u => u.Id);
        if (list.Needle is { } needle)
        {
            users = users.Where(u => u.Name.ToLower().Contains(needle) || u.Slug.Contains(needle));
        }
        if (slugs is not null)
        {
            users = users.Where(u => slugs.Contains(u.Slug));
        }
        var total = await users.CountAsync(ct);
        IEnumerable<WpUserRow> rows;
        if (list.InListedOrder)
        {
            rows = list.PageInListedOrder(await users.ToListAsync(ct), u => u.Id);
        }
        else if (orderBy == "include_slugs" && slugs is not null)
        {
            rows = (await users.ToListAsync(ct)).OrderBy(u => WpListing.Place(slugs, u.Slug)).Skip(list.Paging.Skip).Take(list.Paging.PerPage);
        }
        else
        {
            var ordered = orderBy switch
            {
                "id" => descending ? users.OrderByDescending(u => u.Id) : users.OrderBy(u => u.Id),
                "slug" => descending ? users.OrderByDescending(u => u.Slug) : users.OrderBy(u => u.Slug),
                _ => descending ? users.OrderByDescending(u => u.Name).ThenByDescending(u => u.Id) : users.OrderBy(u => u.Name).ThenBy(u => u.Id),
            };
            rows = total == 0 ? [] : await ordered.Skip(list.Paging.Skip).Take(list.Paging.PerPage).ToListAsync(ct);
        }
        return list.Answer(rows, u => WpUsers.ToJson(u, context), total);
    }

    public static async Task<WpResult> OneAsync(WpContext context, int id)
    {
        WpListing.ReadOne(context);
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
}