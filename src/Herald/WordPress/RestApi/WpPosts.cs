using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>A published story or page with what its JSON needs; ids only for authors and terms.</summary>
public sealed class WpPostRow
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string Headline { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string? Excerpt { get; init; }
    public string? Dek { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public ArticleKind Kind { get; init; }
    public bool IsSticky { get; init; }

    /// <summary>The reader password, compared with a ?password= the request carries; never written out.</summary>
    public string? Password { get; init; }
    public CommentStatus CommentStatus { get; init; }
    public int? FeaturedMediaId { get; init; }
    public int? PrimaryCategoryId { get; init; }
    public List<int> AuthorIds { get; init; } = [];
    public List<int> CategoryIds { get; init; } = [];
    public List<int> TagIds { get; init; } = [];
}

/// <summary>WordPress's post and page shape, built from Herald's articles.</summary>
public static class WpPosts
{
    public static IQueryable<WpPostRow> Rows(IQueryable<Article> articles) => articles.Select(a => new WpPostRow
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        BodyHtml = a.BodyHtml,
        Excerpt = a.Excerpt,
        Dek = a.Dek,
        PublishedAt = a.PublishedAt!.Value,
        UpdatedAt = a.UpdatedAt,
        Kind = a.Kind,
        IsSticky = a.IsSticky,
        Password = a.Password,
        CommentStatus = a.CommentStatus,
        FeaturedMediaId = a.FeaturedImage != null ? a.FeaturedImage.MediaItemId : null,
        PrimaryCategoryId = a.PrimaryCategoryId,
        AuthorIds = a.Authors.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList(),
        CategoryIds = a.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToList(),
        TagIds = a.Tags.OrderBy(t => t.Id).Select(t => t.Id).ToList(),
    });

    /// <summary>Where a reader finds the article on the site: /{yyyy}/{MM}/{slug} for stories, /{slug} for pages.</summary>
    public static string PathOf(ArticleKind kind, string slug, DateTime publishedAt, TimeZoneInfo zone) =>
        ArticleUrls.For(kind, publishedAt, slug, zone);

    public static IEnumerable<int> CategoriesOf(WpPostRow post) =>
        post.PrimaryCategoryId is { } primary && !post.CategoryIds.Contains(primary) ? post.CategoryIds.Prepend(primary) : post.CategoryIds;

    /// <summary>Whether the request's ?password= is this post's password.</summary>
    public static bool PasswordGiven(WpPostRow post, WpContext context) =>
        context.Http.Request.Query["password"] is { Count: 1 } given && given[0] is { Length: > 0 and <= ArticleLimits.Password } typed
        && post.Password is { Length: > 0 } password
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(typed), System.Text.Encoding.UTF8.GetBytes(password));

    public static JsonObject ToJson(WpPostRow post, WpContext context)
    {
        var isPage = post.Kind == ArticleKind.Page;
        var route = isPage ? "pages" : "posts";
        var modified = post.UpdatedAt is { } updated && updated > post.PublishedAt ? updated : post.PublishedAt;
        var summary = post.Excerpt ?? post.Dek;
        // As WordPress: a protected post lists its title, and its words only for a request that gives the password.
        var isProtected = !string.IsNullOrEmpty(post.Password);
        var withheld = isProtected && !PasswordGiven(post, context);
        if (isProtected && !withheld)
        {
            Herald.Articles.Protection.PostPasswords.KeepPrivate(context.Http);
        }
        var json = new JsonObject
        {
            ["id"] = post.Id,
            ["date"] = context.Local(post.PublishedAt),
            ["date_gmt"] = WpContext.Gmt(post.PublishedAt),
            ["guid"] = new JsonObject { ["rendered"] = context.Absolute($"/?p={post.Id}") },
            ["modified"] = context.Local(modified),
            ["modified_gmt"] = WpContext.Gmt(modified),
            ["slug"] = post.Slug,
            ["status"] = "publish",
            ["type"] = isPage ? "page" : "post",
            ["link"] = context.Absolute(PathOf(post.Kind, post.Slug, post.PublishedAt, context.Zone)),
            ["title"] = new JsonObject { ["rendered"] = WpText.Encode(post.Headline) },
            ["content"] = new JsonObject { ["rendered"] = withheld ? "" : post.BodyHtml, ["protected"] = isProtected },
            ["excerpt"] = new JsonObject
            {
                ["rendered"] = withheld || string.IsNullOrWhiteSpace(summary) ? "" : $"<p>{WpText.Encode(summary)}</p>\n",
                ["protected"] = isProtected,
            },
            ["author"] = post.AuthorIds.Count > 0 ? post.AuthorIds[0] : 0,
            ["featured_media"] = post.FeaturedMediaId ?? 0,
        };
        if (isPage)
        {
            json["parent"] = 0;
            json["menu_order"] = 0;
        }
        json["comment_status"] = post.CommentStatus == CommentStatus.Open ? "open" : "closed";
        json["ping_status"] = "closed";
        if (!isPage)
        {
            json["sticky"] = post.IsSticky;
        }
        json["template"] = "";
        if (!isPage)
        {
            json["format"] = "standard";
        }
        json["meta"] = new JsonArray();
        if (!isPage)
        {
            json["categories"] = new JsonArray(CategoriesOf(post).Select(id => (JsonNode)id).ToArray());
            json["tags"] = new JsonArray(post.TagIds.Select(id => (JsonNode)id).ToArray());
        }

        var links = new WpLinks()
            .Add("self", context.Route($"{route}/{post.Id}"))
            .Add("collection", context.Route(route))
            .Add("about", context.Route($"types/{(isPage ? "page" : "post")}"));
        foreach (var author in post.AuthorIds)
        {
            links.Add("author", context.Route($"users/{author}"), embeddable: true);
        }
        links.Add("replies", context.Route($"comments?post={post.Id}"), embeddable: true);
        if (post.FeaturedMediaId is { } media)
        {
            links.Add("wp:featuredmedia", context.Route($"media/{media}"), embeddable: true);
        }
        links.Add("wp:attachment", context.Route($"media?parent={post.Id}"));
        if (!isPage)
        {
            links.Add("wp:term", context.Route($"categories?post={post.Id}"), embeddable: true, taxonomy: WpTerms.Category);
            links.Add("wp:term", context.Route($"tags?post={post.Id}"), embeddable: true, taxonomy: WpTerms.Tag);
        }
        json["_links"] = links.WithCuries();
        return json;
    }

    /// <summary>
    /// Fills _embedded for a page of posts in a fixed number of queries, whatever the number of
    /// posts, authors or terms: one per kind of linked item.
    /// </summary>
    public static async Task EmbedAsync(IReadOnlyList<WpPostRow> posts, IReadOnlyList<JsonObject> items, WpContext context, CancellationToken ct)
    {
        if (posts.Count == 0)
        {
            return;
        }
        var db = context.Db;
        var embedded = items.Select(_ => new JsonObject()).ToList();

        if (context.Embeds("author"))
        {
            var ids = posts.SelectMany(p => p.AuthorIds).Distinct().ToList();
            var users = await db.Authors.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new WpUserRow { Id = u.Id, Name = u.Name, Slug = u.Slug, Bio = u.Bio })
                .ToDictionaryAsync(u => u.Id, ct);
            for (var i = 0; i < posts.Count; i++)
            {
                if (posts[i].AuthorIds.Count > 0)
                {
                    embedded[i]["author"] = new JsonArray(posts[i].AuthorIds
                        .Select(id => users.TryGetValue(id, out var user) ? (JsonNode)WpUsers.ToJson(user, context) : NotFound(WpRestError.InvalidUserId()))
                        .ToArray());
                }
            }
        }

        if (context.Embeds("wp:featuredmedia"))
        {
            var ids = posts.Where(p => p.FeaturedMediaId.HasValue).Select(p => p.FeaturedMediaId!.Value).Distinct().ToList();
            if (ids.Count > 0)
            {
                var media = await WpMedia.Rows(db, db.MediaItems.AsNoTracking().Where(m => ids.Contains(m.Id))).ToDictionaryAsync(m => m.Item.Id, ct);
                for (var i = 0; i < posts.Count; i++)
                {
                    if (posts[i].FeaturedMediaId is { } id)
                    {
                        embedded[i]["wp:featuredmedia"] = new JsonArray(media.TryGetValue(id, out var row)
                            ? WpMedia.ToJson(row, context)
                            : NotFound(WpRestError.InvalidPostId()));
                    }
                }
            }
        }

        if (context.Embeds("wp:term") && posts.Any(p => p.Kind == ArticleKind.Story))
        {
            var categoryIds = posts.SelectMany(CategoriesOf).Distinct().ToList();
            var tagIds = posts.SelectMany(p => p.TagIds).Distinct().ToList();
            var categories = await WpTerms.Embeddable(db.Categories.Where(t => categoryIds.Contains(t.Id))).ToDictionaryAsync(t => t.Id, ct);
            var tags = tagIds.Count == 0 ? [] : await WpTerms.Embeddable(db.Tags.Where(t => tagIds.Contains(t.Id))).ToDictionaryAsync(t => t.Id, ct);
            for (var i = 0; i < posts.Count; i++)
            {
                if (posts[i].Kind != ArticleKind.Story)
                {
                    continue;
                }
                var postCategories = CategoriesOf(posts[i]).Where(categories.ContainsKey).Select(id => categories[id])
                    .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (JsonNode)WpTerms.ToEmbeddedJson(t, WpTerms.Category, context));
                var postTags = posts[i].TagIds.Where(tags.ContainsKey).Select(id => tags[id])
                    .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (JsonNode)WpTerms.ToEmbeddedJson(t, WpTerms.Tag, context));
                embedded[i]["wp:term"] = new JsonArray(new JsonArray(postCategories.ToArray()), new JsonArray(postTags.ToArray()));
            }
        }

        if (context.Embeds("replies"))
        {
            // WordPress embeds the first page (ten) of each post's comments, newest first: one
            // UNION ALL of per-post LIMIT queries, so a post with thousands of comments costs no more.
            IQueryable<WpCommentRow>? union = null;
            foreach (var post in posts)
            {
                var id = post.Id;
                var latest = WpComments.Rows(WpComments.Public(db, context.NowUtc).Where(c => c.ArticleId == id)
                    .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(10));
                union = union is null ? latest : union.Concat(latest);
            }
            var comments = (await union!.AsNoTracking().ToListAsync(ct)).ToLookup(c => c.PostId);
            for (var i = 0; i < posts.Count; i++)
            {
                var replies = comments[posts[i].Id].OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToList();
                if (replies.Count > 0)
                {
                    embedded[i]["replies"] = new JsonArray(new JsonArray(replies.Select(c => (JsonNode)WpComments.ToJson(c, context)).ToArray()));
                }
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (embedded[i].Count > 0)
            {
                items[i]["_embedded"] = embedded[i];
            }
        }
    }

    /// <summary>A link that no longer resolves embeds WordPress's error object in place of the item.</summary>
    private static JsonObject NotFound(WpRestError error) => error.ToJson();
}