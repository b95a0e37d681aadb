using System.Text.Json.Nodes;
using Herald.Comments;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/comments: approved comments under published articles, never an e-mail address.</summary>
public static class WpCommentEndpoints
{
    private static readonly string[] OrderBys = ["date", "date_gmt", "id", "include", "post", "parent", "type"];

    public static async Task<WpResult> ListAsync(WpContext context)
    {
        var p = context.Parameters;
        var ct = context.Http.RequestAborted;
        WpPostEndpoints.CheckContext(p);
        var paging = WpPaging.Read(p);
        var search = p.Text("search");
        var after = p.Date("after");
        var before = p.Date("before");
        var include = p.Ids("include");
        var exclude = p.Ids("exclude");
        var posts = p.Ids("post");
        var parents = p.Ids("parent");
        var parentsExcluded = p.Ids("parent_exclude");
        var orderBy = p.Choice("orderby", "date_gmt", OrderBys);
        var descending = p.Choice("order", "desc", ["asc", "desc"]) == "desc";
        var type = p.Choice("type", "comment", ["comment", "pingback", "trackback"]);
        if (p.Strings("status") is { } statuses && statuses.Any(s => s is not ("approve" or "approved")))
        {
            throw new WpRestError("rest_forbidden_param", "Query parameter not permitted: status", StatusCodes.Status401Unauthorized);
        }
        if (p.Has("author_email"))
        {
            throw new WpRestError("rest_forbidden_param", "Query parameter not permitted: author_email", StatusCodes.Status401Unauthorized);
        }
        p.ThrowIfInvalid();

        var kind = type switch { "pingback" => CommentKind.Pingback, "trackback" => CommentKind.Trackback, _ => CommentKind.Comment };
        var comments = WpComments.Public(context.Db, context.NowUtc).Where(c => c.Kind == kind);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToLowerInvariant();
            comments = comments.Where(c => c.Body.ToLower().Contains(needle) || c.AuthorName.ToLower().Contains(needle));
        }
        if (after is { } since)
        {
            comments = comments.Where(c => c.CreatedAt > since);
        }
        if (before is { } until)
        {
            comments = comments.Where(c => c.CreatedAt < until);
        }
        if (include is not null)
        {
            comments = comments.Where(c => include.Contains(c.Id));
        }
        if (exclude is not null)
        {
            comments = comments.Where(c => !exclude.Contains(c.Id));
        }
        if (posts is not null)
        {
            comments = comments.Where(c => posts.Contains(c.ArticleId));
        }
        if (parents is not null)
        {
            var topLevel = parents.Contains(0);
            comments = comments.Where(c => (c.ParentId != null && parents.Contains(c.ParentId.Value)) || (topLevel && c.ParentId == null));
        }
        if (parentsExcluded is not null)
        {
            var notTopLevel = parentsExcluded.Contains(0);
            comments = comments.Where(c => c.ParentId == null ? !notTopLevel : !parentsExcluded.Contains(c.ParentId.Value));
        }

        var total = await comments.CountAsync(ct);
        paging.EnsureExists(total, "rest_comment_invalid_page_number");
        List<WpCommentRow> rows;
        if (orderBy == "include" && include is not null)
        {
            var all = await WpComments.Rows(comments).ToListAsync(ct);
            rows = all.OrderBy(c => include.ToList().IndexOf(c.Id)).Skip(paging.Skip).Take(paging.PerPage).ToList();
        }
        else
        {
            var ordered = orderBy switch
            {
                "id" => descending ? comments.OrderByDescending(c => c.Id) : comments.OrderBy(c => c.Id),
                "post" => descending ? comments.OrderByDescending(c => c.ArticleId).ThenByDescending(c => c.Id) : comments.OrderBy(c => c.ArticleId).ThenBy(c => c.Id),
                "parent" => descending ? comments.OrderByDescending(c => c.ParentId).ThenByDescending(c => c.Id) : comments.OrderBy(c => c.ParentId).ThenBy(c => c.Id),
                _ => descending ? comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id) : comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            };
            rows = total == 0 ? [] : await WpComments.Rows(ordered.Skip(paging.Skip).Take(paging.PerPage)).ToListAsync(ct);
        }
        var items = rows.Select(c => (JsonNode)WpComments.ToJson(c, context)).ToArray();
        return new WpResult.Page(new JsonArray(items), total, paging.Page, paging.PerPage);
    }

    public static async Task<WpResult> OneAsync(WpContext context, int id)
    {
        WpPostEndpoints.CheckContext(context.Parameters);
        context.Parameters.ThrowIfInvalid();
        var comment = await WpComments.Rows(WpComments.Public(context.Db, context.NowUtc).Where(c => c.Id == id))
            .FirstOrDefaultAsync(context.Http.RequestAborted) ?? throw WpRestError.InvalidCommentId();
        return new WpResult.One(WpComments.ToJson(comment, context));
    }
}