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
        var list = WpListing.Read(p, OrderBys, "date_gmt", "desc");
        var (paging, orderBy, descending) = (list.Paging, list.OrderBy, list.Descending);
        var after = p.Date("after");
        var before = p.Date("before");
        var posts = p.Ids("post");
        var parents = p.Ids("parent");
        var parentsExcluded = p.Ids("parent_exclude");
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
        var comments = list.ById(WpComments.Public(context.Db, context.NowUtc).Where(c => c.Kind == kind), c => c.Id);
        if (list.Needle is { } needle)
        {
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
        IEnumerable<WpCommentRow> rows;
        if (list.InListedOrder)
        {
            rows = list.PageInListedOrder(await WpComments.Rows(comments).ToListAsync(ct), c => c.Id);
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
        return list.Answer(rows, c => WpComments.ToJson(c, context), total);
    }

    public static async Task<WpResult> OneAsync(WpContext context, int id)
    {
        WpListing.ReadOne(context);
        var comment = await WpComments.Rows(WpComments.Public(context.Db, context.NowUtc).Where(c => c.Id == id))
            .FirstOrDefaultAsync(context.Http.RequestAborted) ?? throw WpRestError.InvalidCommentId();
        return new WpResult.One(WpComments.ToJson(comment, context));
    }
}