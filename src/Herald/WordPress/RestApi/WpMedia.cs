using System.Globalization;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Media;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>A media library item as the API shows it, with the byline of the person who uploaded it when they have one.</summary>
public sealed class WpMediaRow
{
    public required MediaItem Item { get; init; }
    public int AuthorId { get; init; }
}

public static class WpMedia
{
    /// <summary>As in WordPress, an attachment is public when it hangs under nothing or under something published.</summary>
    public static IQueryable<MediaItem> Public(HeraldDbContext db, DateTime now)
    {
        var published = db.Articles.WherePublic(now);
        return db.MediaItems.Where(m => m.ArticleId == null || published.Any(a => a.Id == m.ArticleId));
    }

    public static IQueryable<WpMediaRow> Rows(HeraldDbContext db, IQueryable<MediaItem> items) => items.Select(m => new WpMediaRow
    {
        Item = m,
        AuthorId = db.Authors.Where(a => a.UserId != null && a.UserId == m.UploadedByUserId).Select(a => a.Id).FirstOrDefault(),
    });

    public static JsonObject ToJson(WpMediaRow row, WpContext context)
    {
        var item = row.Item;
        var source = Absolute(item.Url, context);
        var title = Path.GetFileNameWithoutExtension(item.OriginalName);
        var links = new WpLinks()
            .Add("self", context.Route($"media/{item.Id}"))
            .Add("collection", context.Route("media"))
            .Add("about", context.Route("types/attachment"));
        if (row.AuthorId > 0)
        {
            links.Add("author", context.Route($"users/{row.AuthorId}"), embeddable: true);
        }
        return new JsonObject
        {
            ["id"] = item.Id,
            ["date"] = context.Local(item.UploadedAt),
            ["date_gmt"] = WpContext.Gmt(item.UploadedAt),
            ["guid"] = new JsonObject { ["rendered"] = item.SourceUrl ?? source },
            ["modified"] = context.Local(item.UploadedAt),
            ["modified_gmt"] = WpContext.Gmt(item.UploadedAt),
            ["slug"] = Slugs.From(title) is { Length: > 0 } slug ? slug : $"media-{item.Id}",
            ["status"] = "inherit",
            ["type"] = "attachment",
            ["link"] = source,
            ["title"] = new JsonObject { ["rendered"] = WpText.Encode(title) },
            ["author"] = row.AuthorId,
            ["comment_status"] = "closed",
            ["ping_status"] = "closed",
            ["template"] = "",
            ["meta"] = new JsonArray(),
            ["description"] = new JsonObject { ["rendered"] = "" },
            ["caption"] = new JsonObject { ["rendered"] = string.IsNullOrWhiteSpace(item.Caption) ? "" : $"<p>{WpText.Encode(item.Caption)}</p>\n" },
            ["alt_text"] = item.Alt,
            ["media_type"] = item.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "image" : "file",
            ["mime_type"] = item.ContentType,
            ["media_details"] = Details(item, context),
            ["post"] = item.ArticleId,
            ["source_url"] = source,
            ["_links"] = links.Build(),
        };
    }

    /// <summary>
    /// WordPress's media_details: the full size plus one entry per stored rendition, read from the
    /// srcset. The narrowest is also "thumbnail", the widest "full"; others are named by width.
    /// </summary>
    private static JsonObject Details(MediaItem item, WpContext context)
    {
        var renditions = Renditions(item.Srcset)
            .Where(r => r.Width > 0)
            .DistinctBy(r => r.Width)
            .OrderBy(r => r.Width)
            .ToList();
        var sizes = new JsonObject();
        for (var i = 0; i < renditions.Count; i++)
        {
            var (url, width) = renditions[i];
            var name = i == 0 && renditions.Count > 1 ? "thumbnail" : width >= item.Width ? "full" : $"w{width}";
            sizes[name] = Size(url, width, item, context);
        }
        if (!sizes.ContainsKey("full"))
        {
            sizes["full"] = Size(item.Url, item.Width, item, context);
        }
        return new JsonObject
        {
            ["width"] = item.Width,
            ["height"] = item.Height,
            ["file"] = Path.GetFileName(item.Url),
            ["filesize"] = item.Bytes,
            ["sizes"] = sizes,
        };
    }

    private static JsonObject Size(string url, int width, MediaItem item, WpContext context) => new()
    {
        ["file"] = Path.GetFileName(url),
        ["width"] = width,
        ["height"] = item.Width > 0 ? (int)Math.Round((double)item.Height * width / item.Width) : item.Height,
        ["mime_type"] = item.ContentType,
        ["source_url"] = Absolute(url, context),
    };

    /// <summary>"url 480w, url 800w" → (url, 480), (url, 800); malformed entries are skipped.</summary>
    public static IEnumerable<(string Url, int Width)> Renditions(string srcset)
    {
        foreach (var entry in srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = entry.LastIndexOf(' ');
            if (space > 0 && entry.EndsWith('w')
                && int.TryParse(entry.AsSpan(space + 1, entry.Length - space - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var width))
            {
                yield return (entry[..space].Trim(), width);
            }
        }
    }

    private static string Absolute(string url, WpContext context) => url.StartsWith('/') ? context.Absolute(url) : url;
}