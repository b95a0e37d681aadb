using System.Text;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Comments;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>An approved comment as the API shows it. There is no e-mail field, so no answer built from it can carry one.</summary>
public sealed class WpCommentRow
{
    public int Id { get; init; }
    public int PostId { get; init; }
    public int? ParentId { get; init; }
    public string AuthorName { get; init; } = "";
    public string? AuthorUrl { get; init; }
    public string Body { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public CommentKind Kind { get; init; }
    public string AvatarKey { get; init; } = "";
    public string PostSlug { get; init; } = "";
    public DateTime PostPublishedAt { get; init; }
    public ArticleKind PostKind { get; init; }
}

public static class WpComments
{
    /// <summary>Approved comments under published stories and pages: what a reader can see on the site.</summary>
    public static IQueryable<Comment> Public(HeraldDbContext db, DateTime now) => db.Comments
        .Where(c => c.Status == ModerationStatus.Approved)
        .Where(PublicArticles.Through<Comment>(c => c.Article, now))
        // A protected story's comments are withheld with its words, as WordPress withholds them.
        .Where(c => c.Article.Password == null);

    public static IQueryable<WpCommentRow> Rows(IQueryable<Comment> comments) => comments.Select(c => new WpCommentRow
    {
        Id = c.Id,
        PostId = c.ArticleId,
        ParentId = c.ParentId,
        AuthorName = c.AuthorName,
        AuthorUrl = c.AuthorUrl,
        Body = c.Body,
        CreatedAt = c.CreatedAt,
        Kind = c.Kind,
        AvatarKey = c.AvatarKey,
        PostSlug = c.Article.Slug,
        PostPublishedAt = c.Article.PublishedAt!.Value,
        PostKind = c.Article.Kind,
    });

    public static JsonObject ToJson(WpCommentRow comment, WpContext context)
    {
        var postUrl = WpPosts.PathOf(comment.PostKind, comment.PostSlug, comment.PostPublishedAt, context.Zone);
        var postRoute = comment.PostKind == ArticleKind.Page ? "pages" : "posts";
        var links = new WpLinks()
            .Add("self", context.Route($"comments/{comment.Id}"))
            .Add("collection", context.Route("comments"));
        var up = new JsonObject { ["embeddable"] = true, ["post_type"] = comment.PostKind == ArticleKind.Page ? "page" : "post", ["href"] = context.Route($"{postRoute}/{comment.PostId}") };
        var built = links.Build();
        built["up"] = new JsonArray(up);
        if (comment.ParentId is { } parent)
        {
            built["in-reply-to"] = new JsonArray(new JsonObject { ["embeddable"] = true, ["href"] = context.Route($"comments/{parent}") });
        }
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["post"] = comment.PostId,
            ["parent"] = comment.ParentId ?? 0,
            ["author"] = 0,
            ["author_name"] = comment.AuthorName,
            ["author_url"] = comment.AuthorUrl ?? "",
            ["date"] = context.Local(comment.CreatedAt),
            ["date_gmt"] = WpContext.Gmt(comment.CreatedAt),
            ["content"] = new JsonObject { ["rendered"] = Rendered(comment.Body) },
            ["link"] = context.Absolute(postUrl) + "#comment-" + comment.Id,
            ["status"] = "approved",
            ["type"] = comment.Kind switch { CommentKind.Pingback => "pingback", CommentKind.Trackback => "trackback", _ => "comment" },
            ["author_avatar_urls"] = WpUsers.AvatarUrls(comment.AvatarKey, context),
            ["meta"] = new JsonArray(),
            ["_links"] = built,
        };
    }

    /// <summary>Comments are plain text; as WordPress renders them, each paragraph becomes a p element, everything encoded.</summary>
    public static string Rendered(string body)
    {
        var html = new StringBuilder();
        foreach (var paragraph in CommentText.Paragraphs(body))
        {
            html.Append("<p>").Append(WpText.Encode(paragraph).Replace("\n", "<br />\n", StringComparison.Ordinal)).Append("</p>\n");
        }
        return html.ToString();
    }
}