using Herald.Articles;
using Herald.Comments;
using Herald.Media;
using static Herald.WordPress.Export.WxrWriter;

namespace Herald.WordPress.Export;

/// <summary>A comment as the export needs it: no hashes, nothing the file does not carry.</summary>
public sealed record ExportedComment(int Id, int ArticleId, int? ParentId, string AuthorName, string AuthorEmail,
    string? AuthorUrl, string Body, ModerationStatus Status, CommentKind Kind, DateTime CreatedAt);

/// <summary>
/// Writes one wp:item per story, page and attachment with every field WordPress's own export
/// writes, in its order; Herald-only facts travel as post meta (see the WXR contract in
/// docs/wordpress.md).
/// </summary>
public sealed class WxrItems(WxrWriter wxr, WxrSite site, TimeZoneInfo zone)
{
    /// <summary>WordPress numbers posts and attachments from one sequence; Herald's media ids are moved clear of article ids.</summary>
    public const long MediaIdOffset = 1_000_000_000;

    /// <summary>
    /// A featured image set by URL rather than from the media library is still written as an
    /// attachment (in WordPress every featured image is one), numbered after its article.
    /// </summary>
    public const long FeaturedImageIdOffset = 2_000_000_000;

    public static long PostIdOf(MediaItem item) => MediaIdOffset + item.Id;

    public void WriteArticle(Article article, IReadOnlyList<ExportedComment> comments, long? thumbnailPostId)
    {
        var date = article.PublishedAt ?? article.CreatedAt;
        var bylines = article.Authors.OrderBy(b => b.Position).Select(b => b.Author.Slug).ToList();

        wxr.Open(1, "item");
        wxr.TextLine(2, "title", null, article.Headline);
        wxr.TextLine(2, "link", null, site.Absolute(PathOf(article)));
        wxr.TextLine(2, "pubDate", null, WxrDates.Rss(date));
        wxr.CDataLine(2, "creator", DcNamespace, bylines.FirstOrDefault() ?? "");
        Guid(site.Url + "/?p=" + article.Id);
        wxr.TextLine(2, "description", null, "");
        // WordPress cannot read Markdown, so it gets the rendered HTML; HTML bodies go as they came.
        wxr.CDataLine(2, "encoded", ContentNamespace, article.BodyFormat == BodyFormat.Html ? article.BodySource : article.BodyHtml);
        wxr.CDataLine(2, "encoded", ExcerptNamespace, article.Excerpt ?? "");
        wxr.TextLine(2, "post_id", WpNamespace, article.Id);
        wxr.CDataLine(2, "post_date", WpNamespace, WxrDates.Local(date, zone));
        wxr.CDataLine(2, "post_date_gmt", WpNamespace, article.PublishedAt is { } published ? WxrDates.Gmt(published) : WxrDates.NeverGmt);
        // A post never edited has post_modified equal to post_date in WordPress; so does one without an update time here.
        var modified = article.UpdatedAt ?? date;
        wxr.CDataLine(2, "post_modified", WpNamespace, WxrDates.Local(modified, zone));
        wxr.CDataLine(2, "post_modified_gmt", WpNamespace, WxrDates.Gmt(modified));
        wxr.CDataLine(2, "comment_status", WpNamespace, article.CommentStatus == CommentStatus.Open ? "open" : "closed");
        // Herald neither sends nor receives pingbacks.
        wxr.CDataLine(2, "ping_status", WpNamespace, "closed");
        wxr.CDataLine(2, "post_name", WpNamespace, article.Slug);
        wxr.CDataLine(2, "status", WpNamespace, StatusOf(article.Status));
        wxr.TextLine(2, "post_parent", WpNamespace, 0);
        wxr.TextLine(2, "menu_order", WpNamespace, 0);
        wxr.CDataLine(2, "post_type", WpNamespace, article.Kind == ArticleKind.Page ? "page" : "post");
        wxr.CDataLine(2, "post_password", WpNamespace, article.Password ?? "");
        wxr.TextLine(2, "is_sticky", WpNamespace, article.IsSticky ? 1 : 0);
        foreach (var category in article.Categories.OrderBy(c => c.Id))
        {
            Term("category", category.Slug, category.Name);
        }
        foreach (var tag in article.Tags.OrderBy(t => t.Id))
        {
            Term("post_tag", tag.Slug, tag.Name);
        }
        if (article.BodyFormat == BodyFormat.Markdown)
        {
            Meta("_herald_markdown", article.BodySource);
        }
        if (!string.IsNullOrEmpty(article.Dek))
        {
            Meta("_herald_dek", article.Dek);
        }
        if (bylines.Count > 1)
        {
            Meta("_herald_authors", string.Join(",", bylines));
        }
        if (article.PrimaryCategory is { } primary)
        {
            Meta("_herald_primary_category", primary.Slug);
        }
        if (thumbnailPostId is { } thumbnail)
        {
            Meta("_thumbnail_id", thumbnail.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var old in article.OldSlugs.OrderBy(o => o.Id))
        {
            Meta("_wp_old_slug", old.Slug);
        }
        foreach (var comment in comments)
        {
            WriteComment(comment);
        }
        wxr.Close(1);
    }

    /// <summary>A media library item as a WordPress attachment.</summary>
    public void WriteAttachment(MediaItem item, string creator)
    {
        var title = Path.GetFileNameWithoutExtension(item.OriginalName);
        WriteAttachmentItem(new AttachmentFields(PostIdOf(item), title, Slugs.From(title), site.Absolute(item.Url), item.UploadedAt,
            item.ArticleId ?? 0, creator, item.Alt, item.Caption, item.Credit));
    }

    /// <summary>An article's featured image that is not in the media library, as an attachment of that article.</summary>
    public long WriteFeaturedImage(Article article, FeaturedImage image)
    {
        var id = FeaturedImageIdOffset + article.Id;
        var title = Path.GetFileNameWithoutExtension(image.Url.Split('?', '#')[0]);
        WriteAttachmentItem(new AttachmentFields(id, title, Slugs.From(title), site.Absolute(image.Url), article.PublishedAt ?? article.CreatedAt,
            article.Id, article.Authors.OrderBy(b => b.Position).Select(b => b.Author.Slug).FirstOrDefault() ?? "", image.Alt, image.Caption, image.Credit));
        return id;
    }

    private sealed record AttachmentFields(long PostId, string Title, string Slug, string Url, DateTime Date, long ParentId,
        string Creator, string Alt, string? Caption, string? Credit);

    private void WriteAttachmentItem(AttachmentFields a)
    {
        wxr.Open(1, "item");
        wxr.TextLine(2, "title", null, a.Title);
        wxr.TextLine(2, "link", null, a.Url);
        wxr.TextLine(2, "pubDate", null, WxrDates.Rss(a.Date));
        wxr.CDataLine(2, "creator", DcNamespace, a.Creator);
        Guid(a.Url);
        wxr.TextLine(2, "description", null, "");
        wxr.CDataLine(2, "encoded", ContentNamespace, "");
        // WordPress keeps an attachment's caption as its excerpt.
        wxr.CDataLine(2, "encoded", ExcerptNamespace, a.Caption ?? "");
        wxr.TextLine(2, "post_id", WpNamespace, a.PostId);
        wxr.CDataLine(2, "post_date", WpNamespace, WxrDates.Local(a.Date, zone));
        wxr.CDataLine(2, "post_date_gmt", WpNamespace, WxrDates.Gmt(a.Date));
        wxr.CDataLine(2, "post_modified", WpNamespace, WxrDates.Local(a.Date, zone));
        wxr.CDataLine(2, "post_modified_gmt", WpNamespace, WxrDates.Gmt(a.Date));
        wxr.CDataLine(2, "comment_status", WpNamespace, "closed");
        wxr.CDataLine(2, "ping_status", WpNamespace, "closed");
        wxr.CDataLine(2, "post_name", WpNamespace, a.Slug);
        wxr.CDataLine(2, "status", WpNamespace, "inherit");
        wxr.TextLine(2, "post_parent", WpNamespace, a.ParentId);
        wxr.TextLine(2, "menu_order", WpNamespace, 0);
        wxr.CDataLine(2, "post_type", WpNamespace, "attachment");
        wxr.CDataLine(2, "post_password", WpNamespace, "");
        wxr.TextLine(2, "is_sticky", WpNamespace, 0);
        wxr.CDataLine(2, "attachment_url", WpNamespace, a.Url);
        if (!string.IsNullOrEmpty(a.Alt))
        {
            Meta("_wp_attachment_image_alt", a.Alt);
        }
        if (!string.IsNullOrEmpty(a.Credit))
        {
            Meta("_herald_credit", a.Credit);
        }
        wxr.Close(1);
    }

    private void WriteComment(ExportedComment comment)
    {
        wxr.Open(2, "comment", WpNamespace);
        wxr.TextLine(3, "comment_id", WpNamespace, comment.Id);
        wxr.CDataLine(3, "comment_author", WpNamespace, comment.AuthorName);
        wxr.CDataLine(3, "comment_author_email", WpNamespace, comment.AuthorEmail);
        wxr.TextLine(3, "comment_author_url", WpNamespace, comment.AuthorUrl ?? "");
        // Herald keeps only a keyed hash of the client address, which means nothing elsewhere.
        wxr.CDataLine(3, "comment_author_IP", WpNamespace, "");
        wxr.CDataLine(3, "comment_date", WpNamespace, WxrDates.Local(comment.CreatedAt, zone));
        wxr.CDataLine(3, "comment_date_gmt", WpNamespace, WxrDates.Gmt(comment.CreatedAt));
        wxr.CDataLine(3, "comment_content", WpNamespace, comment.Body);
        wxr.CDataLine(3, "comment_approved", WpNamespace, ApprovalOf(comment.Status));
        wxr.CDataLine(3, "comment_type", WpNamespace, comment.Kind switch
        {
            CommentKind.Pingback => "pingback",
            CommentKind.Trackback => "trackback",
            _ => "comment",
        });
        wxr.TextLine(3, "comment_parent", WpNamespace, comment.ParentId ?? 0);
        // Herald's account ids are not WordPress user numbers; 0 is WordPress's "not a user".
        wxr.TextLine(3, "comment_user_id", WpNamespace, 0);
        wxr.Close(2);
    }

    public static string StatusOf(ArticleStatus status) => status switch
    {
        ArticleStatus.Published => "publish",
        ArticleStatus.Scheduled => "future",
        ArticleStatus.Submitted => "pending",
        ArticleStatus.Unpublished => "private",
        // WordPress's own word: an import (Herald's or WordPress's) keeps it out of the site too.
        ArticleStatus.Trashed => "trash",
        _ => "draft",
    };

    public static string ApprovalOf(ModerationStatus status) => status switch
    {
        ModerationStatus.Approved => "1",
        ModerationStatus.Spam => "spam",
        ModerationStatus.Trash => "trash",
        _ => "0",
    };

    /// <summary>Where readers find the article; WordPress's "?p=" form for one that has no public address yet.</summary>
    private string PathOf(Article article) => article switch
    {
        { Kind: ArticleKind.Page } => ArticleUrls.Page(article.Slug),
        { PublishedAt: { } published } => ArticleUrls.For(published, article.Slug, zone),
        _ => "/?p=" + article.Id,
    };

    private void Guid(string value)
    {
        wxr.Open(2, "guid");
        wxr.Attribute("isPermaLink", "false");
        wxr.WriteText(value);
        wxr.End();
    }

    private void Term(string domain, string slug, string name)
    {
        wxr.Open(2, "category");
        wxr.Attribute("domain", domain);
        wxr.Attribute("nicename", slug);
        wxr.WriteCData(name);
        wxr.End();
    }

    private void Meta(string key, string value)
    {
        wxr.Open(2, "postmeta", WpNamespace);
        wxr.CDataLine(3, "meta_key", WpNamespace, key);
        wxr.CDataLine(3, "meta_value", WpNamespace, value);
        wxr.Close(2);
    }
}