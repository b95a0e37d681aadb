using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Comments;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>A byline as the API shows it: public fields only. Herald's authors have no e-mail to leak, and no field is read from accounts.</summary>
public sealed class WpUserRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? Bio { get; init; }
}

/// <summary>WordPress's "users" are Herald's bylines; like WordPress, only those with published work are public.</summary>
public static class WpUsers
{
    public static IQueryable<WpUserRow> Public(HeraldDbContext db, DateTime now)
    {
        var published = db.Articles.WherePublic(now);
        return db.Authors
            .Where(u => published.Any(a => a.Authors.Any(b => b.AuthorId == u.Id)))
            .Select(u => new WpUserRow { Id = u.Id, Name = u.Name, Slug = u.Slug, Bio = u.Bio });
    }

    public static JsonObject ToJson(WpUserRow user, WpContext context) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["url"] = "",
        ["description"] = user.Bio ?? "",
        ["link"] = context.Absolute(ArticleUrls.Author(user.Slug)),
        ["slug"] = user.Slug,
        ["avatar_urls"] = AvatarUrls(AvatarKey(user.Slug), context),
        ["meta"] = new JsonArray(),
        ["_links"] = new WpLinks()
            .Add("self", context.Route($"users/{user.Id}"))
            .Add("collection", context.Route("users"))
            .Build(),
    };

    /// <summary>
    /// Herald draws avatars itself (no request leaves for Gravatar), from a 24-hex-digit key. An
    /// author's key comes from the public slug, so it reveals nothing the byline does not.
    /// </summary>
    public static string AvatarKey(string slug) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("herald-author:" + slug)), 0, 12).ToLowerInvariant();

    /// <summary>WordPress's three avatar sizes; Herald's identicon is an SVG, so one address serves all three.</summary>
    public static JsonObject AvatarUrls(string key, WpContext context)
    {
        var urls = new JsonObject();
        if (Identicon.IsValidKey(key))
        {
            var url = context.Absolute($"/comments/avatar/{key}.svg");
            urls["24"] = url;
            urls["48"] = url;
            urls["96"] = url;
        }
        return urls;
    }
}