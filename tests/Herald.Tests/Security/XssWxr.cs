using System.Globalization;
using System.Text;
using System.Xml;
using Herald.WordPress.Import;

namespace Herald.Tests.Security;

/// <summary>
/// A WordPress export with the corpus in every field Herald imports: per payload an author, a
/// category and a tag (names and descriptions), a picture (address, alt, caption, credit) and a
/// post (title, content, excerpt) with a comment (author, author's website, text).
/// </summary>
public static class XssWxr
{
    private const string Wp = "http://wordpress.org/export/1.2/";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Excerpt = "http://wordpress.org/export/1.2/excerpt/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    public const int AttachmentIds = 10_000;
    public const int PostIds = 20_000;

    public static string PostSlug(int number) => $"wxr-xss-{number}";

    public static string CategorySlug(int number) => $"xss-cat-{number}";

    public static string TagSlug(int number) => $"xss-tag-{number}";

    public static string AuthorLogin(int number) => $"xss-author-{number}";

    public static void Write(string path, IReadOnlyList<XssPayload> payloads, string beacon, ISet<int> placed)
    {
        string Place(XssPayload payload, XssField field)
        {
            // Raw addresses (even payloads) are refused on import unless they happen to be relative:
            // only the https ones are expected to reach a page.
            // Herald keeps no tag descriptions: written, but shown nowhere.
            if ((field is not (XssField.WxrAttachmentUrl or XssField.WxrCommentAuthorUrl) || payload.Number % 2 == 1) && field != XssField.WxrTagDescription)
            {
                placed.Add(payload.Code(field));
            }
            return payload.For(field, beacon, xml: true);
        }

        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        writer.WriteStartDocument();
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "excerpt", null, Excerpt);
        writer.WriteAttributeString("xmlns", "content", null, Content);
        writer.WriteAttributeString("xmlns", "dc", null, Dc);
        writer.WriteAttributeString("xmlns", "wp", null, Wp);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", "Hostile archive");
        writer.WriteElementString("link", "https://hostile.example");
        writer.WriteElementString("wxr_version", Wp, "1.2");
        writer.WriteElementString("base_blog_url", Wp, "https://hostile.example");
        foreach (var payload in payloads)
        {
            writer.WriteStartElement("author", Wp);
            writer.WriteElementString("author_login", Wp, AuthorLogin(payload.Number));
            writer.WriteElementString("author_display_name", Wp, Place(payload, XssField.WxrAuthorName));
            writer.WriteEndElement();
            writer.WriteStartElement("category", Wp);
            writer.WriteElementString("term_id", Wp, (100 + payload.Number).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("category_nicename", Wp, CategorySlug(payload.Number));
            writer.WriteElementString("cat_name", Wp, Place(payload, XssField.WxrCategoryName));
            writer.WriteElementString("category_description", Wp, Place(payload, XssField.WxrCategoryDescription));
            writer.WriteEndElement();
            writer.WriteStartElement("tag", Wp);
            writer.WriteElementString("term_id", Wp, (1000 + payload.Number).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("tag_slug", Wp, TagSlug(payload.Number));
            writer.WriteElementString("tag_name", Wp, Place(payload, XssField.WxrTagName));
            writer.WriteElementString("tag_description", Wp, Place(payload, XssField.WxrTagDescription));
            writer.WriteEndElement();
        }
        var start = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        foreach (var payload in payloads)
        {
            // Half the addresses are the payload itself, half hide it in the path of an https address.
            var url = Place(payload, XssField.WxrAttachmentUrl);
            writer.WriteStartElement("item");
            writer.WriteElementString("title", $"Picture {payload.Number}");
            writer.WriteElementString("post_id", Wp, (AttachmentIds + payload.Number).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("post_type", Wp, "attachment");
            writer.WriteElementString("status", Wp, "inherit");
            writer.WriteElementString("attachment_url", Wp, payload.Number % 2 == 0 ? url : "https://hostile.example/up/" + url);
            writer.WriteElementString("encoded", Excerpt, Place(payload, XssField.WxrAttachmentCaption));
            Meta(writer, "_wp_attachment_image_alt", Place(payload, XssField.WxrAttachmentAlt));
            Meta(writer, "_herald_credit", Place(payload, XssField.WxrAttachmentCredit));
            writer.WriteEndElement();
        }
        foreach (var payload in payloads)
        {
            var date = start.AddHours(payload.Number).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            writer.WriteStartElement("item");
            writer.WriteElementString("title", Place(payload, XssField.WxrTitle));
            writer.WriteElementString("creator", Dc, AuthorLogin(payload.Number));
            writer.WriteElementString("encoded", Content, $"<p>Imported {payload.Number}.</p>\n{Place(payload, XssField.WxrContent)}\n<p>The end.</p>");
            writer.WriteElementString("encoded", Excerpt, Place(payload, XssField.WxrExcerpt));
            writer.WriteElementString("post_id", Wp, (PostIds + payload.Number).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("post_date_gmt", Wp, date);
            writer.WriteElementString("post_name", Wp, PostSlug(payload.Number));
            writer.WriteElementString("status", Wp, "publish");
            writer.WriteElementString("post_type", Wp, "post");
            writer.WriteElementString("comment_status", Wp, "open");
            Term(writer, "category", CategorySlug(payload.Number), payload.For(XssField.WxrCategoryName, beacon, xml: true));
            Term(writer, "post_tag", TagSlug(payload.Number), payload.For(XssField.WxrTagName, beacon, xml: true));
            Meta(writer, "_thumbnail_id", (AttachmentIds + payload.Number).ToString(CultureInfo.InvariantCulture));
            var website = Place(payload, XssField.WxrCommentAuthorUrl);
            writer.WriteStartElement("comment", Wp);
            writer.WriteElementString("comment_id", Wp, (30_000 + payload.Number).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("comment_author", Wp, Place(payload, XssField.WxrCommentAuthor));
            writer.WriteElementString("comment_author_email", Wp, $"wxr{payload.Number}@example.org");
            writer.WriteElementString("comment_author_url", Wp, payload.Number % 2 == 0 ? website : "https://example.org/" + website);
            writer.WriteElementString("comment_date_gmt", Wp, date);
            writer.WriteElementString("comment_content", Wp, Place(payload, XssField.WxrCommentContent));
            writer.WriteElementString("comment_approved", Wp, "1");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public static async Task<ImportReport> ImportAsync(IServiceProvider services, string path)
    {
        var importer = ActivatorUtilities.CreateInstance<WxrImporter>(services);
        return await importer.RunAsync(new WxrImportOptions(path, null, SkipAnalysis: true), new ImportProgress(TextWriter.Null, false), CancellationToken.None);
    }

    private static void Meta(XmlWriter writer, string key, string value)
    {
        writer.WriteStartElement("postmeta", Wp);
        writer.WriteElementString("meta_key", Wp, key);
        writer.WriteElementString("meta_value", Wp, value);
        writer.WriteEndElement();
    }

    private static void Term(XmlWriter writer, string domain, string nicename, string name)
    {
        writer.WriteStartElement("category");
        writer.WriteAttributeString("domain", domain);
        writer.WriteAttributeString("nicename", nicename);
        writer.WriteString(name);
        writer.WriteEndElement();
    }
}