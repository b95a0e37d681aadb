using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.RestApi;

/// <summary>/wp/v2/media: the media library items that are public (unattached, or attached to published work).</summary>
public static class WpMediaEndpoints
{
    private static readonly string[] OrderBys = ["date", "id", "include", "title", "slug", "modified"];

    public static async Task<WpResult> ListAsync(WpContext context)
    {
        var p = context.Parameters;
        var ct = context.Http.RequestAborted;
        var list = WpListing.Read(p, OrderBys, "date", "desc");
        var (paging, include, orderBy, descending) = (list.Paging, list.Include, list.OrderBy, list.Descending);
        var after = p.Date("after");
        var before = p.Date("before");
        var parents = p.Ids("parent");
        var mediaType = p.Choice("media_type", "", ["image", "video", "text", "application", "audio"]);
        var mimeType = p.Text("mime_type", 100);
        p.ThrowIfInvalid();

        var db = context.Db;
        var media = list.ById(WpMedia.Public(db, context.NowUtc), m => m.Id);
        if (list.Needle is { } needle)
        {
            media = media.Where(m => m.OriginalName.ToLower().Contains(needle) || m.Alt.ToLower().Contains(needle)
                || (m.Caption != null && m.Caption.ToLower().Contains(needle)));
        }
        if (after is { } since)
        {
            media = media.Where(m => m.UploadedAt > since);
        }
        if (before is { } until)
        {
            media = media.Where(m => m.UploadedAt < until);
        }
        if (parents is not null)
        {
            var unattached = parents.Contains(0);
            media = media.Where(m => (m.ArticleId != null && parents.Contains(m.ArticleId.Value)) || (unattached && m.ArticleId == null));
        }
        if (mediaType.Length > 0)
        {
            var prefix = mediaType + "/";
            media = media.Where(m => m.ContentType.StartsWith(prefix));
        }
        if (mimeType is not null)
        {
            media = media.Where(m => m.ContentType == mimeType);
        }

        var total = await media.CountAsync(ct);
        paging.EnsureExists(total, "rest_post_invalid_page_number");
        var ordered = (orderBy, descending) switch
        {
            ("id", true) => media.OrderByDescending(m => m.Id),
            ("id", false) => media.OrderBy(m => m.Id),
            ("title" or "slug", true) => media.OrderByDescending(m => m.OriginalName).ThenByDescending(m => m.Id),
            ("title" or "slug", false) => media.OrderBy(m => m.OriginalName).ThenBy(m => m.Id),
            ("include", _) when include is not null => media.OrderBy(m => m.Id),
            (_, true) => media.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id),
            (_, false) => media.OrderBy(m => m.UploadedAt).ThenBy(m => m.Id),
        };
        IEnumerable<WpMediaRow> rows;
        if (list.InListedOrder)
        {
            rows = list.PageInListedOrder(await WpMedia.Rows(db, ordered).AsNoTracking().ToListAsync(ct), r => r.Item.Id);
        }
        else
        {
            rows = total == 0 ? [] : await WpMedia.Rows(db, ordered.Skip(paging.Skip).Take(paging.PerPage)).AsNoTracking().ToListAsync(ct);
        }
        return list.Answer(rows, r => WpMedia.ToJson(r, context), total);
    }

    public static async Task<WpResult> OneAsync(WpContext context, int id)
    {
        WpListing.ReadOne(context);
        var db = context.Db;
        var row = await WpMedia.Rows(db, WpMedia.Public(db, context.NowUtc).Where(m => m.Id == id)).AsNoTracking()
            .FirstOrDefaultAsync(context.Http.RequestAborted) ?? throw WpRestError.InvalidPostId();
        return new WpResult.One(WpMedia.ToJson(row, context));
    }
}