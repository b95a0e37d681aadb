using Herald.Articles;
using Herald.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Comments;

/// <summary>The small endpoints around the comment pages: the visitor's own state, avatars and feeds.</summary>
public static class CommentEndpoints
{
    public static void MapHeraldComments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/comments/state", VisitorStateAsync);
        app.MapGet("/comments/avatar/{key}.svg", Avatar);
        app.MapGet(ArticleUrls.CommentFeed, CommentFeeds.SiteFeedAsync).CacheOutput(Caching.PublicPage);
        app.MapGet("/{year:int:range(1,9999)}/{month:int:range(1,12)}/{slug}/comments/feed", CommentFeeds.ArticleFeedAsync)
            .CacheOutput(Caching.PublicPage);
    }

    /// <summary>
    /// Everything on an article page that belongs to one visitor, fetched by script after the
    /// cached page loads: a fresh form stamp, a token bound to their cookie, the fields they asked
    /// to remember and their own comments awaiting moderation. Never stored by any cache.
    /// </summary>
    private static async Task<IResult> VisitorStateAsync(
        HttpContext context, int? article, CommentKeys keys, CommentQueries comments, VisitorCookies cookies,
        TimeProvider clock, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store, private";
        context.Response.Headers.Vary = "Cookie";
        var ring = await keys.GetAsync(ct);
        var now = clock.GetUtcNow();
        var visitorKey = VisitorCookies.EnsureKey(context);
        var awaiting = article is > 0
            ? await comments.AwaitingForOwnerAsync(ring.OwnerHash(visitorKey), article, ct)
            : [];
        return Results.Json(new VisitorState(
            FormStamps.IssueStamp(ring, now),
            FormStamps.IssueToken(ring, visitorKey, now),
            cookies.Recall(context),
            awaiting.Select(c => new AwaitingComment(c.Id, c.ParentId, c.AuthorName, c.AvatarUrl, CommentText.Paragraphs(c.Body))).ToList()));
    }

    private static IResult Avatar(HttpContext context, string key)
    {
        if (!Identicon.IsValidKey(key))
        {
            return Results.NotFound();
        }
        // The picture for a key never changes, so browsers may keep it as long as they like.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Text(Identicon.Svg(key), "image/svg+xml");
    }
}

public sealed record VisitorState(string Started, string Token, RememberedCommenter? Remembered, IReadOnlyList<AwaitingComment> Awaiting);

public sealed record AwaitingComment(int Id, int? ParentId, string AuthorName, string AvatarUrl, IReadOnlyList<string> Paragraphs);