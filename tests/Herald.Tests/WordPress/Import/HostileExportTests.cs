using System.Diagnostics;
using System.Text;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Import;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// A WordPress export written to hurt: bodies nested past what Herald renders, an item of
/// 200,000 nested XML elements, attachment addresses with javascript: and data:. The import
/// goes on past each of them, says where each one is (FILE:LINE:COL) and stores nothing live.
/// </summary>
public sealed class HostileExportTests
{
    private const string FileName = "hostile.xml";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Bodies_past_the_limits_are_kept_as_text_and_reported_and_the_import_goes_on()
    {
        using var folder = new TempFolder();
        var (file, lines) = await WriteAsync(folder, Items(
            Post(10, "Before the trouble", "<p>Fine.</p>", thumbnail: 5),
            Post(11, "Deep quotes", "ignored", markdown: new string('>', 128) + " deep"),
            Post(12, "Deep divs", string.Concat(Enumerable.Repeat("<div>", 20_000)) + "lost in the divs"),
            Post(13, "Brackets", "ignored", markdown: new string('[', 60_000)),
            Post(14, "After the trouble", "<p>Also fine.</p>", thumbnail: 8)));
        var db = Path.Combine(folder.Path, "herald.db");

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--db", $"Data Source={db}");

        Assert.True(exit == 0, errors);
        Assert.DoesNotContain("Unhandled", errors);
        var note = output.Split('\n').Single(l => l.Contains("items whose body Herald cannot render", StringComparison.Ordinal));
        Assert.StartsWith("Note: 3 ", note);
        foreach (var title in new[] { "Deep quotes", "Deep divs", "Brackets" })
        {
            Assert.Contains($"{FileName}:{lines[title]}:", note);
        }
        Assert.Equal(5L, Scalar(db, """SELECT COUNT(*) FROM "Articles" """));
        var quotes = (string)Scalar(db, """SELECT "BodyHtml" FROM "Articles" WHERE "Headline" = 'Deep quotes'""");
        Assert.DoesNotContain("<blockquote", quotes);
        Assert.Contains("&gt;&gt;&gt;", quotes);
        var divs = (string)Scalar(db, """SELECT "BodyHtml" FROM "Articles" WHERE "Headline" = 'Deep divs'""");
        Assert.DoesNotContain("<div", divs);
        Assert.Contains("lost in the divs", divs);
        Assert.Equal("<p>Also fine.</p>", ((string)Scalar(db, """SELECT "BodyHtml" FROM "Articles" WHERE "Headline" = 'After the trouble'""")).Trim());
    }

    [Fact]
    public async Task Attachment_addresses_other_than_http_and_relative_are_left_out()
    {
        using var folder = new TempFolder();
        var (file, lines) = await WriteAsync(folder, Items(
            Attachment(5, "javascript:alert(document.domain)//x.jpg"),
            Attachment(6, " JaVaScRiPt:alert(1)"),
            Attachment(7, "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"),
            Attachment(8, "/wp-content/uploads/2020/01/fine.jpg"),
            Attachment(9, "https://hostile.example/wp-content/uploads/also-fine.jpg"),
            Post(10, "Before the trouble", "<p>Fine.</p>", thumbnail: 5),
            Post(14, "After the trouble", "<p>Also fine.</p>", thumbnail: 8)));
        var db = Path.Combine(folder.Path, "herald.db");

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--skip-analysis", "--db", $"Data Source={db}");

        Assert.True(exit == 0, errors);
        var note = output.Split('\n').Single(l => l.Contains("not http(s) or relative", StringComparison.Ordinal));
        Assert.StartsWith("Note: 3 ", note);
        Assert.Contains($"{FileName}:{lines["attachment 5"]}:", note);
        Assert.Equal(2L, Scalar(db, """SELECT COUNT(*) FROM "MediaItems" """));
        Assert.Equal(0L, Scalar(db, """SELECT COUNT(*) FROM "MediaItems" WHERE "Url" LIKE '%script%' OR "Url" LIKE 'data:%' OR "SourceUrl" LIKE '%script%'"""));
        Assert.Equal(DBNull.Value, Scalar(db, """SELECT "FeaturedImage_Url" FROM "Articles" WHERE "Headline" = 'Before the trouble'"""));
        Assert.Equal("/wp-content/uploads/2020/01/fine.jpg", Scalar(db, """SELECT "FeaturedImage_Url" FROM "Articles" WHERE "Headline" = 'After the trouble'"""));
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public async Task An_item_of_deeply_nested_xml_is_read_as_its_text_within_the_bound(int depth)
    {
        using var folder = new TempFolder();
        var nested = string.Concat(Enumerable.Repeat("<a>", depth)) + "the words at the bottom" + string.Concat(Enumerable.Repeat("</a>", depth));
        var (file, lines) = await WriteAsync(folder, Items(
            $"<item><title>Deep XML</title><wp:post_id>30</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>{nested}</content:encoded></item>",
            Post(31, "After the deep one", "<p>Read.</p>")));
        Assert.True(depth < 100_000 || new FileInfo(file).Length > 1_400_000);

        var clock = Stopwatch.StartNew();
        var items = WxrReader.Read(file).OfType<WxrItem>().ToList();

        Assert.True(clock.Elapsed < Bound, $"{depth} deep: {clock.Elapsed}");
        Assert.Equal(2, items.Count);
        Assert.True(items[0].MarkupFlattened);
        Assert.Equal("the words at the bottom", items[0].Content);
        Assert.Equal((FileName, lines["Deep XML"]), (items[0].File, items[0].Line));
        Assert.False(items[1].MarkupFlattened);
    }

    [Fact]
    public async Task The_import_names_the_item_whose_xml_was_flattened()
    {
        using var folder = new TempFolder();
        var nested = string.Concat(Enumerable.Repeat("<a>", 2000)) + "bottom" + string.Concat(Enumerable.Repeat("</a>", 2000));
        var (file, lines) = await WriteAsync(folder, Items(
            $"<item><title>Deep XML</title><wp:post_id>30</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>{nested}</content:encoded></item>"));
        var db = Path.Combine(folder.Path, "herald.db");

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--skip-analysis", "--db", $"Data Source={db}");

        Assert.True(exit == 0, errors);
        Assert.Contains($"nested more than {WxrReader.MaxElementDepth} deep (read as their text), e.g. {FileName}:{lines["Deep XML"]}:", output);
        Assert.Equal("<p>bottom</p>", ((string)Scalar(db, """SELECT "BodyHtml" FROM "Articles" """)).Trim());
    }

    private static string[] Items(params string[] items) => items;

    private static string Post(int id, string title, string html, int? thumbnail = null, string? markdown = null)
    {
        var item = new StringBuilder($"<item><title>{title}</title><wp:post_id>{id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>");
        item.Append($"<wp:post_date_gmt>2021-05-0{id % 9 + 1} 10:00:00</wp:post_date_gmt><content:encoded><![CDATA[{html}]]></content:encoded>");
        if (thumbnail is { } attachment)
        {
            item.Append($"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>");
        }
        if (markdown is not null)
        {
            item.Append($"<wp:postmeta><wp:meta_key>_herald_markdown</wp:meta_key><wp:meta_value><![CDATA[{markdown}]]></wp:meta_value></wp:postmeta>");
        }
        return item.Append("</item>").ToString();
    }

    private static string Attachment(int id, string url) =>
        $"<item><title>attachment {id}</title><wp:post_id>{id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>" +
        $"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url></item>";

    /// <summary>Writes the export, one item a line, and returns the line of each item by its title.</summary>
    private static async Task<(string File, Dictionary<string, int> Lines)> WriteAsync(TempFolder folder, string[] items)
    {
        var head = new[]
        {
            """<?xml version="1.0" encoding="UTF-8"?>""",
            """<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">""",
            "<channel><title>Hostile</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://hostile.example</wp:base_blog_url>",
        };
        var all = head.Concat(items).Append("</channel></rss>").ToList();
        var lines = new Dictionary<string, int>();
        for (var i = 0; i < all.Count; i++)
        {
            var title = System.Text.RegularExpressions.Regex.Match(all[i], "^<item><title>([^<]*)</title>");
            if (title.Success)
            {
                lines[title.Groups[1].Value] = i + 1;
            }
        }
        var file = Path.Combine(folder.Path, FileName);
        await File.WriteAllTextAsync(file, string.Join('\n', all));
        return (file, lines);
    }

    private static object Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}