using System.Security.Claims;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Comments;
using Herald.Newsroom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>
/// POST /wp/v2/comments (a comment by the signed-in staff member), POST/PUT/PATCH
/// /wp/v2/comments/{id} (moderate or edit) and DELETE (to the trash). Moderation goes the
/// newsroom's own way (<see cref="CommentModerator"/>): the same permission as the comment queue
/// (Editors and Administrators), the same spam lessons, limits and cache eviction.
/// </summary>
public static class WpCommentWrites
{
    /// <summary>The statuses a client may set, in WordPress's words; "approve" and "approved" are one.</summary>
    private static readonly Dictionary<string, ModerationAction> Statuses = new(StringComparer.Ordinal)
    {
        ["approved"] = ModerationAction.Approve,
        ["approve"] = ModerationAction.Approve,
        ["hold"] = ModerationAction.Restore,
        ["spam"] = ModerationAction.Spam,
        ["trash"] = ModerationAction.Trash,
    };

    public static async Task<WpWriteResult> CreateAsync(WpContext context, ClaimsPrincipal user)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        await RequireModeratorAsync(http, user, "rest_cannot_create", "Sorry, you are not allowed to create comments as this user.");
        var fields = await WpWriteResponder.ReadObjectAsync(http);
        var problems = new Dictionary<string, string>();
        var post = WpJson.Integer(fields, "post", problems);
        var parent = WpJson.Integer(fields, "parent", problems) ?? 0;
        var content = WpJson.Text(fields, "content", problems);
        foreach (var name in new[] { "author_email", "author_name", "author_url", "author", "status" })
        {
            if (fields.ContainsKey(name))
            {
                problems[name] = $"{name} cannot be set: the comment is written as the signed-in user and published at once.";
            }
        }
        if (post is null && parent == 0)
        {
            problems["post"] = "post (the id of the story) is required.";
        }
        if (content is null)
        {
            problems["content"] = "content is required.";
        }
        if (problems.Count > 0)
        {
            throw WpRestError.InvalidParameters(problems);
        }

        var staff = await StaffAsync(http, user);
        var moderator = http.RequestServices.GetRequiredService<CommentModerator>();
        if (parent > 0)
        {
            var parentPost = await context.Db.Comments.Where(c => c.Id == parent).Select(c => (int?)c.ArticleId).FirstOrDefaultAsync(ct)
                ?? throw new WpRestError("rest_comment_invalid_parent", "Invalid comment parent ID.", StatusCodes.Status400BadRequest);
            if (post is { } named && named != parentPost)
            {
                throw new WpRestError("rest_comment_invalid_parent", "The parent comment belongs to another post.", StatusCodes.Status400BadRequest);
            }
        }
        var (comment, refused) = parent > 0
            ? await moderator.ReplyAsStaffAsync(parent, content!, staff, ct)
            : await moderator.CommentAsStaffAsync(post!.Value, content!, staff, ct);
        if (comment is null)
        {
            throw Refused(refused);
        }
        return new WpWriteResult(StatusCodes.Status201Created, await ToJsonAsync(context, comment.Id), context.Route($"comments/{comment.Id}"));
    }

    public static async Task<WpWriteResult> UpdateAsync(WpContext context, ClaimsPrincipal user, int id)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        await RequireModeratorAsync(http, user, "rest_cannot_edit", "Sorry, you are not allowed to edit this comment.");
        var current = await context.Db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw WpRestError.InvalidCommentId();
        var fields = await WpWriteResponder.ReadObjectAsync(http);
        var problems = new Dictionary<string, string>();
        var status = WpJson.Text(fields, "status", problems);
        var content = WpJson.Text(fields, "content", problems);
        var name = WpJson.Text(fields, "author_name", problems);
        var url = WpJson.Text(fields, "author_url", problems);
        ModerationAction? action = null;
        if (status is not null)
        {
            action = Statuses.TryGetValue(status, out var known) ? known
                : WpJson.Problem<ModerationAction?>(problems, "status", $"status is not one of {string.Join(", ", Statuses.Keys)}.", null);
        }
        foreach (var fixedField in new[] { "post", "parent", "author_email", "author", "date", "date_gmt" })
        {
            if (fields.ContainsKey(fixedField))
            {
                problems[fixedField] = $"{fixedField} cannot be changed.";
            }
        }
        if (problems.Count > 0)
        {
            throw WpRestError.InvalidParameters(problems);
        }

        var moderator = http.RequestServices.GetRequiredService<CommentModerator>();
        if (content is not null || name is not null || url is not null)
        {
            var edited = await moderator.EditAsync(id, name ?? current.AuthorName, url ?? current.AuthorUrl, content ?? current.Body, ct);
            if (edited.Any)
            {
                throw Refused(edited);
            }
        }
        if (action is { } step)
        {
            await moderator.ApplyAsync([id], step, ModeratorName(user), ct);
        }
        return new WpWriteResult(StatusCodes.Status200OK, await ToJsonAsync(context, id));
    }

    /// <summary>
    /// DELETE moves the comment to the trash and answers it with status "trash", as WordPress does.
    /// Herald keeps trashed comments (a moderator can restore one), so force=true is refused rather
    /// than quietly treated as a trash.
    /// </summary>
    public static async Task<WpWriteResult> DeleteAsync(WpContext context, ClaimsPrincipal user, int id)
    {
        var http = context.Http;
        await RequireModeratorAsync(http, user, "rest_cannot_delete", "Sorry, you are not allowed to delete this comment.");
        if (!await context.Db.Comments.AnyAsync(c => c.Id == id, http.RequestAborted))
        {
            throw WpRestError.InvalidCommentId();
        }
        var force = context.Parameters.Bool("force") ?? false;
        context.Parameters.ThrowIfInvalid();
        if (force)
        {
            throw new WpRestError("rest_trash_only",
                "Herald does not delete comments for good: send the request without force=true to move the comment to the trash, from which a moderator can restore it.",
                StatusCodes.Status501NotImplemented);
        }
        await http.RequestServices.GetRequiredService<CommentModerator>().ApplyAsync([id], ModerationAction.Trash, ModeratorName(user), http.RequestAborted);
        return new WpWriteResult(StatusCodes.Status200OK, await ToJsonAsync(context, id));
    }

    /// <summary>The comment as a write returns it: the public shape with its real status, never its e-mail address.</summary>
    private static async Task<JsonObject> ToJsonAsync(WpContext context, int id)
    {
        var comment = context.Db.Comments.AsNoTracking().Where(c => c.Id == id);
        var row = await WpComments.Rows(comment).FirstAsync(context.Http.RequestAborted);
        var status = await comment.Select(c => c.Status).FirstAsync(context.Http.RequestAborted);
        var json = WpComments.ToJson(row, context);
        json["status"] = status switch
        {
            ModerationStatus.Approved => "approved",
            ModerationStatus.Spam => "spam",
            ModerationStatus.Trash => "trash",
            _ => "hold",
        };
        json["content"]!["raw"] = row.Body;
        return json;
    }

    private static async Task RequireModeratorAsync(HttpContext http, ClaimsPrincipal user, string code, string message)
    {
        var allowed = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, NewsroomAccess.Editors);
        if (!allowed.Succeeded)
        {
            throw new WpRestError(code, message, StatusCodes.Status403Forbidden);
        }
    }

    private static async Task<StaffCommenter> StaffAsync(HttpContext http, ClaimsPrincipal user)
    {
        var account = await http.RequestServices.GetRequiredService<UserManager<HeraldUser>>().GetUserAsync(user);
        if (account?.Email is null)
        {
            throw new WpRestError("rest_cannot_create", "Sorry, you are not allowed to create comments as this user.", StatusCodes.Status403Forbidden);
        }
        return new StaffCommenter(account.Id, string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email : account.DisplayName, account.Email);
    }

    private static string ModeratorName(ClaimsPrincipal user) => (user.Identity?.Name ?? "the API") + " (WordPress API)";

    /// <summary>The moderator's refusal as WordPress's error: its status (404 gone, 403 closed, 400 invalid) and every message.</summary>
    private static WpRestError Refused(FormProblems problems) => problems.StatusCode switch
    {
        StatusCodes.Status404NotFound => new WpRestError("rest_comment_invalid_post_id", string.Join(" ", problems.ByField.Values), StatusCodes.Status404NotFound),
        StatusCodes.Status403Forbidden => new WpRestError("rest_comment_closed", string.Join(" ", problems.ByField.Values), StatusCodes.Status403Forbidden),
        _ => WpRestError.InvalidParameters(problems.ByField.ToDictionary(p => WpFieldOf(p.Key), p => p.Value)),
    };

    private static string WpFieldOf(string field) => field switch
    {
        CommentFields.Body => "content",
        CommentFields.Name => "author_name",
        CommentFields.Website => "author_url",
        CommentFields.Parent => "parent",
        _ => "comment",
    };
}