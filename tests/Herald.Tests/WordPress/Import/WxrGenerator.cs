using System.Globalization;
using System.Text;
using System.Xml;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// Writes a WordPress export of any number of small posts, streaming with XmlWriter so the
/// generator itself never holds more than one post. Every tenth post has two comments (one a
/// reply), so comment threading is part of every large import.
/// </summary>
public static class WxrGenerator
{
    private const string Wp = "http://wordpress.org/export/1.2/";

    public sealed record Counts(int Posts, int Comments, int Categories, int Tags);

    public static Counts Write(string path, int posts)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "excerpt", null, Wp + "excerpt/");
        writer.WriteAttributeString("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
        writer.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        writer.WriteAttributeString("xmlns", "wp", null, Wp);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", "Generated");
        writer.WriteElementString("link", "https://generated.example");
        writer.WriteElementString("wxr_version", Wp, "1.2");
        writer.WriteElementString("base_blog_url", Wp, "https://generated.example");
        writer.WriteStartElement("author", Wp);
        writer.WriteElementString("author_login", Wp, "writer");
        writer.WriteElementString("author_display_name", Wp, "The Writer");
        writer.WriteEndElement();
        const int categories = 10;
        const int tags = 50;
        for (var c = 1; c <= categories; c++)
        {
            writer.WriteStartElement("category", Wp);
            writer.WriteElementString("term_id", Wp, c.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("category_nicename", Wp, $"section-{c}");
            // Parents named after their children, as WordPress sometimes writes them.
            writer.WriteElementString("category_parent", Wp, c > 5 ? $"section-{c - 5}" : "");
            writer.WriteElementString("cat_name", Wp, $"Section {c}");
            writer.WriteEndElement();
        }
        for (var t = 1; t <= tags; t++)
        {
            writer.WriteStartElement("tag", Wp);
            writer.WriteElementString("term_id", Wp, (1000 + t).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("tag_slug", Wp, $"topic-{t}");
            writer.WriteElementString("tag_name", Wp, $"Topic {t}");
            writer.WriteEndElement();
        }
        var comments = 0;
        var start = new DateTime(2010, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= posts; i++)
        {
            var date = start.AddMinutes(i * 7);
            var slug = $"generated-post-{i}";
            writer.WriteStartElement("item");
            writer.WriteElementString("title", $"Generated post {i} about harbour {i % 97}");
            writer.WriteElementString("link", $"https://generated.example/{date:yyyy}/{date:MM}/{date:dd}/{slug}/");
            writer.WriteElementString("creator", "http://purl.org/dc/elements/1.1/", "writer");
            writer.WriteStartElement("encoded", "http://purl.org/rss/1.0/modules/content/");
            writer.WriteCData($"<!-- wp:paragraph -->\n<p>Post {i} tells of the harbour, ferry {i % 13} and the council.</p>\n<!-- /wp:paragraph -->\n\nA second paragraph with plain text {i}.");
            writer.WriteEndElement();
            writer.WriteElementString("encoded", Wp + "excerpt/", "");
            writer.WriteElementString("post_id", Wp, (i * 2).ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("post_date", Wp, date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteElementString("post_date_gmt", Wp, date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteElementString("comment_status", Wp, "open");
            writer.WriteElementString("post_name", Wp, slug);
            writer.WriteElementString("status", Wp, "publish");
            writer.WriteElementString("post_parent", Wp, "0");
            writer.WriteElementString("post_type", Wp, "post");
            writer.WriteElementString("post_password", Wp, "");
            writer.WriteElementString("is_sticky", Wp, "0");
            var category = (i % categories) + 1;
            WriteTerm(writer, "category", $"section-{category}", $"Section {category}");
            var tag = (i % tags) + 1;
            WriteTerm(writer, "post_tag", $"topic-{tag}", $"Topic {tag}");
            if (i % 10 == 0)
            {
                WriteComment(writer, i * 10, 0, date.AddHours(1), $"A reader on post {i}.");
                WriteComment(writer, (i * 10) + 1, i * 10, date.AddHours(2), $"A reply on post {i}.");
                comments += 2;
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        return new Counts(posts, comments, categories, tags);
    }

    private static void WriteTerm(XmlWriter writer, string domain, string nicename, string name)
    {
        writer.WriteStartElement("category");
        writer.WriteAttributeString("domain", domain);
        writer.WriteAttributeString("nicename", nicename);
        writer.WriteString(name);
        writer.WriteEndElement();
    }

    private static void WriteComment(XmlWriter writer, int id, int parent, DateTime date, string text)
    {
        writer.WriteStartElement("comment", Wp);
        writer.WriteElementString("comment_id", Wp, id.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("comment_author", Wp, "Reader");
        writer.WriteElementString("comment_author_email", Wp, $"reader{id % 50}@example.org");
        writer.WriteElementString("comment_author_IP", Wp, "192.0.2.1");
        writer.WriteElementString("comment_date_gmt", Wp, date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteElementString("comment_content", Wp, text);
        writer.WriteElementString("comment_approved", Wp, "1");
        writer.WriteElementString("comment_type", Wp, "");
        writer.WriteElementString("comment_parent", Wp, parent.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndElement();
    }
}