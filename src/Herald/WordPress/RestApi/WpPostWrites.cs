using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Editor;
using Herald.Newsroom.Publishing;
using Herald.Newsroom.Trash;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>
/// POST /wp/v2/posts (create), POST/PUT/PATCH /wp/v2/posts/{id} (update) and DELETE (with
/// force=true). A write goes the newsroom's own way (<see cref="ArticlePublisher"/>): the same
/// role checks, workflow, revision and limits, then <see cref="ArticlePipeline"/>, which evicts
/// the cached pages. Fields a request leaves out keep their values.
/// </summary>
public static class WpPostWrites
{
    private static readonly string[] Statuses = ["publish", "future", "draft", "pending", "trash"];

    public static Task<WpWriteResult> CreateAsync(WpContext context, ClaimsPrincipal user) => SaveAsync(context, user, null);

    public static async Task<WpWriteResult> SaveAsync(WpContext context, ClaimsPrincipal user, int? id)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        var fields = await WpWriteResponder.ReadObjectAsync(http);
        var db = context.Db;
        Article? current = null;
        if (id is { } existing)
        {
            current = await db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == existing && a.Kind == ArticleKind.Story, ct)
                ?? throw WpRestError.InvalidPostId();
        }
        var form = current is null ? new ArticleForm { CommentStatus = context.Site.Settings.CommentsOpenByDefault ? CommentStatus.Open : CommentStatus.Closed } : ArticleForm.From(current);
        var problems = new Dictionary<string, string>();
        ApplyText(fields, "title", v => form.Headline = v, problems);
        ApplyText(fields, "content", v => form.Body = v, problems);
        ApplyText(fields, "excerpt", v => form.Excerpt = v, problems);
        ApplyText(fields, "slug", v => form.Slug = v, problems);
        if (Ids(fields, "categories", problems) is { } categories)
        {
            form.CategoryIds = [.. categories];
            form.PrimaryCategoryId = categories.Count > 0 ? categories[0] : null;
        }
        if (Ids(fields, "tags", problems) is { } tagIds)
        {
            var names = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            if (names.Count < tagIds.Distinct().Count())
            {
                problems["tags"] = "tags names a tag that does not exist.";
            }
            form.Tags = string.Join(", ", tagIds.Where(names.ContainsKey).Select(t => names[t]));
        }
        if (fields.TryGetPropertyValue("featured_media", out var media))
        {
            if (WpJson.Integer(media) is { } mediaId and >= 0)
            {
                form.FeaturedMediaId = mediaId == 0 ? null : mediaId;
            }
            else
            {
                problems["featured_media"] = "featured_media is not an integer.";
            }
        }
        if (fields.TryGetPropertyValue("comment_status", out var comments))
        {
            form.CommentStatus = WpJson.Text(comments) switch
            {
                "open" => CommentStatus.Open,
                "closed" => CommentStatus.Closed,
                _ => WpJson.Problem(problems, "comment_status", "comment_status is not one of open, closed.", form.CommentStatus),
            };
        }
        ApplySticky(fields, form, problems);
        ApplyPassword(fields, form, problems);
        var status = fields.TryGetPropertyValue("status", out var statusNode) ? WpJson.Text(statusNode) : null;
        if (statusNode is not null && (status is null || !Statuses.Contains(status)))
        {
            problems["status"] = $"status is not one of {string.Join(", ", Statuses)}.";
        }
        if (status == "future")
        {
            form.ScheduleAt = ScheduleTime(fields, context, problems);
        }
        if (problems.Count > 0)
        {
            throw WpRestError.InvalidParameters(problems);
        }
        if (StickyRefused(form, current, user))
        {
            throw new WpRestError("rest_cannot_assign_sticky", "Sorry, you are not allowed to make posts sticky.", StatusCodes.Status403Forbidden);
        }
        if (PasswordRefused(form, current, user))
        {
            throw new WpRestError("rest_cannot_publish", "Sorry, you are not allowed to protect this post with a password.", StatusCodes.Status403Forbidden);
        }

        var action = ActionFor(status, current?.Status);
        var publisher = http.RequestServices.GetRequiredService<ArticlePublisher>();
        // The request is the client's confirmation: an API has no second page to ask on.
        var outcome = await publisher.SaveAsync(user, form, action, ct, confirmed: true, origin: ArticleWriteOrigin.Api);
        return outcome switch
        {
            PublishOutcome.Done done => new WpWriteResult(
                current is null ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                ToJson(done.Article, context),
                current is null ? context.Route($"posts/{done.Article.Id}") : null),
            PublishOutcome.NotFound => throw WpRestError.InvalidPostId(),
            PublishOutcome.Conflict => throw new WpRestError("rest_post_conflict", "Someone else saved this post a moment ago; load it again and repeat the change.", StatusCodes.Status409Conflict),
            PublishOutcome.Rejected rejected => throw new WpRestError("rest_invalid_param", string.Join(" ", rejected.Problems), StatusCodes.Status400BadRequest),
            _ => throw Refusal(current is null, action),
        };
    }

    /// <summary>
    /// DELETE /wp/v2/posts/{id} moves the post to Herald's trash, as WordPress does, and answers the
    /// post with status "trash"; with force=true it is deleted for good (editors only, as in the
    /// newsroom), trashed first if it was not.
    /// </summary>
    public static async Task<WpWriteResult> DeleteAsync(WpContext context, ClaimsPrincipal user, int id)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        var article = await context.Db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == id && a.Kind == ArticleKind.Story, ct)
            ?? throw WpRestError.InvalidPostId();
        var force = context.Parameters.Bool("force") ?? false;
        context.Parameters.ThrowIfInvalid();
        var previous = ToJson(article, context);
        var trash = http.RequestServices.GetRequiredService<ArticleTrash>();
        // The request is the client's confirmation that a live post leaves the site.
        var trashed = await trash.MoveToTrashAsync(user, id, confirmed: true, ct);
        if (trashed is PublishOutcome.Done && force)
        {
            trashed = await trash.DeleteForeverAsync(user, id, ct);
            if (trashed is PublishOutcome.Done)
            {
                return new WpWriteResult(StatusCodes.Status200OK, new JsonObject { ["deleted"] = true, ["previous"] = previous });
            }
        }
        return trashed switch
        {
            PublishOutcome.Done => new WpWriteResult(StatusCodes.Status200OK,
                ToJson(await context.Db.Articles.AsNoTracking().WithShownParts().FirstAsync(a => a.Id == id, ct), context)),
            PublishOutcome.NotFound => throw WpRestError.InvalidPostId(),
            _ => throw new WpRestError("rest_cannot_delete", "Sorry, you are not allowed to delete this post.", StatusCodes.Status403Forbidden),
        };
    }

    /// <summary>The post as a write returns it: the view shape, its real status, and the raw title and content as sent.</summary>
    public static JsonObject ToJson(Article article, WpContext context)
    {
        var row = new WpPostRow
        {
            Id = article.Id,
            Slug = article.Slug,
            Headline = article.Headline,
            BodyHtml = article.BodyHtml,
            Excerpt = article.Excerpt,
            Dek = article.Dek,
            PublishedAt = article.PublishedAt ?? article.CreatedAt,
            UpdatedAt = article.UpdatedAt,
            Kind = article.Kind,
            IsSticky = article.IsSticky,
            Password = article.Password,
            CommentStatus = article.CommentStatus,
            FeaturedMediaId = article.FeaturedImage?.MediaItemId,
            PrimaryCategoryId = article.PrimaryCategoryId,
            AuthorIds = [.. article.Authors.OrderBy(b => b.Position).Select(b => b.AuthorId)],
            CategoryIds = [.. article.Categories.Select(c => c.Id).Order()],
            TagIds = [.. article.Tags.Select(t => t.Id).Order()],
        };
        var json = WpPosts.ToJson(row, context);
        json["status"] = StatusOf(article.Status);
        json["title"]!["raw"] = article.Headline;
        json["content"]!["raw"] = article.BodySource;
        // The edit view, as WordPress gives it to whoever may write the post: the password in clear.
        json["password"] = article.Password ?? "";
        return json;
    }

    public static string StatusOf(ArticleStatus status) => status switch
    {
        ArticleStatus.Published => "publish",
        ArticleStatus.Scheduled => "future",
        ArticleStatus.Submitted => "pending",
        ArticleStatus.Trashed => "trash",
        _ => "draft",
    };

    /// <summary>What a requested status is in the newsroom's workflow; no status keeps the current one.</summary>
    private static EditorAction ActionFor(string? status, ArticleStatus? current) => status switch
    {
        "publish" => EditorAction.Publish,
        "future" => EditorAction.Schedule,
        "pending" => EditorAction.Submit,
        "draft" or "trash" when current is ArticleStatus.Published or ArticleStatus.Scheduled => EditorAction.Unpublish,
        _ => EditorAction.Save,
    };

    private static WpRestError Refusal(bool creating, EditorAction action) => action switch
    {
        EditorAction.Publish or EditorAction.Schedule or EditorAction.Unpublish =>
            new("rest_cannot_publish", "Sorry, you are not allowed to publish posts as this user.", StatusCodes.Status403Forbidden),
        _ when creating => new("rest_cannot_create", "Sorry, you are not allowed to create posts as this user.", StatusCodes.Status403Forbidden),
        _ => new("rest_cannot_edit", "Sorry, you are not allowed to edit this post.", StatusCodes.Status403Forbidden),
    };

    /// <summary>"date" (the site's local time) or "date_gmt" for a scheduled post, as the editor's schedule field takes it.</summary>
    private static string? ScheduleTime(JsonObject fields, WpContext context, Dictionary<string, string> problems)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];
        if (WpJson.Text(fields["date"]) is { } local && DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }
        if (WpJson.Text(fields["date_gmt"]) is { } gmt && DateTime.TryParseExact(gmt, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return TimeZoneInfo.ConvertTimeFromUtc(utc, context.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }
        problems["date"] = "status future needs date (the site's local time) or date_gmt, as 2030-01-31T09:00:00.";
        return null;
    }

    /// <summary>"sticky": a JSON true or false.</summary>
    private static void ApplySticky(JsonObject fields, ArticleForm form, Dictionary<string, string> problems)
    {
        if (!fields.TryGetPropertyValue("sticky", out var node))
        {
            return;
        }
        if (node is JsonValue value && value.TryGetValue<bool>(out var sticky))
        {
            form.IsSticky = sticky;
        }
        else
        {
            problems["sticky"] = "sticky is not a boolean.";
        }
    }

    /// <summary>"password": the reader password, "" to remove it; kept exactly as sent, as WordPress does.</summary>
    private static void ApplyPassword(JsonObject fields, ArticleForm form, Dictionary<string, string> problems)
    {
        if (WpJson.Text(fields, "password", problems) is not { } password)
        {
            return;
        }
        if (password.Length > ArticleLimits.Password)
        {
            problems["password"] = $"password has at most {ArticleLimits.Password} characters.";
            return;
        }
        form.Password = password.Length == 0 ? null : password;
    }

    /// <summary>
    /// What readers see first is an editor's call: anyone else asking to change it is refused, not
    /// silently ignored as the newsroom's form (which shows no sticky box to them) may do.
    /// </summary>
    private static bool StickyRefused(ArticleForm form, Article? current, ClaimsPrincipal user) =>
        form.IsSticky != (current?.IsSticky ?? false) && !Newsroom.ArticleAuthorizationHandler.IsEditor(user);

    /// <summary>Who may put a story before readers decides who may read it; a new post is judged as its writer's own.</summary>
    private static bool PasswordRefused(ArticleForm form, Article? current, ClaimsPrincipal user) =>
        !string.Equals(form.Password ?? "", current?.Password ?? "", StringComparison.Ordinal)
        && !(current is null
            ? Newsroom.ArticleAuthorizationHandler.IsEditor(user) || user.IsInRole(Accounts.Roles.Author)
            : Newsroom.ArticleAuthorizationHandler.Allows(user, Newsroom.ArticleOperations.Publish, current));

    private static void ApplyText(JsonObject fields, string name, Action<string> apply, Dictionary<string, string> problems)
    {
        if (WpJson.Text(fields, name, problems) is { } value)
        {
            apply(value);
        }
    }

    private static List<int>? Ids(JsonObject fields, string name, Dictionary<string, string> problems)
    {
        if (!fields.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is not JsonArray array || array.Count > 100 || array.Any(i => WpJson.Integer(i) is not > 0))
        {
            problems[name] = $"{name} is not a list of at most 100 ids.";
            return null;
        }
        return [.. array.Select(i => WpJson.Integer(i)!.Value)];
    }
}