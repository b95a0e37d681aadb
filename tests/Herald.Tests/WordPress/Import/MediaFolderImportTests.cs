using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// `--media DIR`: attachment files found in the folder by the tail of their old URL are taken in
/// like uploads (renditions, Herald's own address); missing or broken ones keep the old URL and
/// are named in the summary.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class MediaFolderImportTests
{
    private const string Export = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Harbour Gazette</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>https://gazette.example</wp:base_blog_url>
        <wp:author><wp:author_login>ines</wp:author_login><wp:author_display_name>Inês Duarte</wp:author_display_name></wp:author>
        <item><title>Ferry at dawn</title><wp:post_id>10</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
        <wp:post_parent>20</wp:post_parent><wp:attachment_url>https://gazette.example/wp-content/uploads/2013/03/ferry.png</wp:attachment_url>
        <excerpt:encoded><![CDATA[The first ferry leaves at six.]]></excerpt:encoded>
        <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[A white ferry leaving the quay]]></wp:meta_value></wp:postmeta></item>
        <item><title>Lost picture</title><wp:post_id>11</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
        <wp:attachment_url>https://gazette.example/wp-content/uploads/2013/03/lost.jpg</wp:attachment_url></item>
        <item><title>Broken picture</title><wp:post_id>12</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
        <wp:attachment_url>https://gazette.example/wp-content/uploads/broken.png</wp:attachment_url></item>
        <item><title>Ferry timetable changes</title><wp:post_id>20</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <dc:creator>ines</dc:creator><wp:post_date_gmt>2020-03-01 08:00:00</wp:post_date_gmt><wp:post_name>ferry-timetable-changes</wp:post_name>
        <content:encoded><![CDATA[The spring timetable starts on Monday.]]></content:encoded>
        <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>10</wp:meta_value></wp:postmeta></item>
        </channel></rss>
        """;

    [Fact]
    public async Task Files_in_the_media_folder_become_library_pictures_and_missing_ones_keep_their_old_address()
    {
        using var folder = new TempFolder();
        var uploads = Path.Combine(folder.Path, "uploads");
        Directory.CreateDirectory(Path.Combine(uploads, "2013", "03"));
        using (var image = new Image<Rgba32>(1200, 800, new Rgba32(30, 90, 160)))
        {
            await image.SaveAsPngAsync(Path.Combine(uploads, "2013", "03", "ferry.png"));
        }
        await File.WriteAllTextAsync(Path.Combine(uploads, "broken.png"), "not a picture at all");
        var file = Path.Combine(folder.Path, "gazette.xml");
        await File.WriteAllTextAsync(file, Export);
        var db = Path.Combine(folder.Path, "site", "herald.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--media", uploads, "--db", $"Data Source={db}");

        Assert.True(exit == 0, errors);
        Assert.Contains("lost.jpg", output);
        Assert.Contains("broken.png", output);

        var media = Rows(db, """SELECT "OriginalName", "Url", "SourceUrl", "Srcset", "Alt", "Caption", "ArticleId" FROM "MediaItems" ORDER BY "Id" """);
        Assert.Equal(3, media.Count);
        var ferry = media.Single(m => ((string)m[2]!).EndsWith("ferry.png", StringComparison.Ordinal));
        Assert.StartsWith("/media/", (string)ferry[1]!);
        Assert.Contains("w,", (string)ferry[3]!);
        Assert.Equal("A white ferry leaving the quay", ferry[4]);
        Assert.Equal("The first ferry leaves at six.", ferry[5]);
        Assert.NotNull(ferry[6]);
        var storedFile = Path.Combine(folder.Path, "site", "media", ((string)ferry[1]!)["/media/".Length..]);
        Assert.True(File.Exists(storedFile), storedFile);

        foreach (var kept in media.Where(m => m != ferry))
        {
            Assert.Equal(kept[2], kept[1]);
        }

        var featured = Rows(db, """SELECT "FeaturedImage_Url", "FeaturedImage_Alt" FROM "Articles" WHERE "Slug" = 'ferry-timetable-changes'""").Single();
        Assert.Equal(ferry[1], featured[0]);
        Assert.Equal("A white ferry leaving the quay", featured[1]);

        // Running it again takes in nothing twice.
        var again = await CommandLineImport.RunAsync("import", "wxr", file, "--media", uploads, "--db", $"Data Source={db}");
        Assert.Equal(0, again.Exit);
        Assert.Equal(3, Rows(db, """SELECT "Id" FROM "MediaItems" """).Count);
    }

    [Fact]
    public async Task Without_a_media_folder_the_import_says_how_many_pictures_stay_remote_and_where()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "gazette.xml");
        await File.WriteAllTextAsync(file, Export);
        var db = Path.Combine(folder.Path, "herald.db");

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--db", $"Data Source={db}");

        Assert.True(exit == 0, errors);
        var note = output.Split('\n').Single(l => l.Contains("pictures stay at their old address", StringComparison.Ordinal));
        Assert.StartsWith("Note: 3 ", note);
        Assert.Contains("--remote-image-hosts", note);
        Assert.Contains("https://gazette.example", note);
        // One host, named once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(note, "https://gazette\\.example"));
    }

    private static List<object?[]> Rows(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}