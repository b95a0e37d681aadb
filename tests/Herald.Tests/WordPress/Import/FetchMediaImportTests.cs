using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// `--fetch-media`, run as an operator runs it, against an uploads host on 127.0.0.1: pictures
/// are downloaded, taken in with renditions and every reference in the body, the caption, the
/// gallery and the featured image leads to Herald's copy; a 404, a slow host, a non-picture and an
/// oversized file are each listed with their reason and keep their old address; a second run asks
/// the host for nothing.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class FetchMediaImportTests
{
    private static string Export(string origin) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Harbour Gazette</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>https://gazette.example</wp:base_blog_url>
        <wp:author><wp:author_login>ines</wp:author_login><wp:author_display_name>Inês Duarte</wp:author_display_name></wp:author>
        {{Attachment(10, $"{origin}/wp-content/uploads/2013/03/ferry.png", "A white ferry leaving the quay")}}
        {{Attachment(11, $"{origin}/wp-content/uploads/lost.jpg")}}
        {{Attachment(12, $"{origin}/slow/harbour.jpg")}}
        {{Attachment(13, $"{origin}/wp-content/uploads/notes.jpg")}}
        {{Attachment(14, $"{origin}/huge/huge.jpg")}}
        {{Attachment(15, $"{origin}/wp-content/uploads/2013/03/quay.png", "The quay in rain")}}
        {{Attachment(16, $"{origin}/wp-content/uploads/2013/03/ferry.png", "The same ferry, attached twice")}}
        {{Attachment(17, "ftp://gazette.example/uploads/old.jpg")}}
        <item><title>Ferry timetable changes</title><wp:post_id>20</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <dc:creator>ines</dc:creator><wp:post_date_gmt>2020-03-01 08:00:00</wp:post_date_gmt><wp:post_name>ferry-timetable-changes</wp:post_name>
        <content:encoded><![CDATA[The spring timetable starts on Monday.

        <img src="{{origin}}/wp-content/uploads/2013/03/ferry-300x200.png" alt="Ferry" width="300" height="200" />

        [caption id="attachment_10" align="alignnone" width="580"]<a href="{{origin}}/wp-content/uploads/2013/03/ferry.png"><img src="{{origin}}/wp-content/uploads/2013/03/ferry-580x386.png" alt="Ferry" width="580" height="386" /></a> The first ferry leaves at six.[/caption]

        [gallery ids="10,15"]

        <img src="{{origin}}/wp-content/uploads/lost.jpg" alt="Lost" />]]></content:encoded>
        <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>10</wp:meta_value></wp:postmeta></item>
        </channel></rss>
        """;

    private static string Attachment(int id, string url, string alt = "") => $"""
        <item><title>Picture {id}</title><wp:post_id>{id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
        <wp:post_parent>20</wp:post_parent><wp:attachment_url>{url}</wp:attachment_url>
        <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta></item>
        """;

    [Fact]
    public async Task Attachments_are_downloaded_stored_with_renditions_and_every_reference_leads_to_the_copy()
    {
        await using var host = await UploadsServer.StartAsync();
        host.AddPicture("/wp-content/uploads/2013/03/ferry.png", 1200, 800);
        host.AddPicture("/wp-content/uploads/2013/03/quay.png", 640, 480);
        host.AddPicture("/slow/harbour.jpg", 100, 100);
        host.AddFile("/wp-content/uploads/notes.jpg", "<html><body>Not found, but with a 200</body></html>"u8.ToArray());
        host.FailOnce("/wp-content/uploads/2013/03/quay.png");

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "gazette.xml");
        await File.WriteAllTextAsync(file, Export(host.Origin));
        var db = Path.Combine(folder.Path, "site", "herald.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--fetch-media", "--fetch-timeout", "3", "--db", $"Data Source={db}");

        Assert.True(exit == 0, output + errors);
        // Progress: downloads counted, failures among them.
        Assert.Contains("downloads: 6/6 (100 %), 2 stored, 4 failed", errors);

        // Each failure named with its address and reason.
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Contains("Failed: 4 attachment downloads that failed (old URL kept):"), output);
        Assert.True(lines.Contains($"  {host.Origin}/wp-content/uploads/lost.jpg: HTTP 404"), output);
        Assert.True(lines.Any(l => l.StartsWith($"  {host.Origin}/slow/harbour.jpg: timed out after 3 s, 3 tries", StringComparison.Ordinal)), output);
        Assert.True(lines.Any(l => l.StartsWith($"  {host.Origin}/wp-content/uploads/notes.jpg: not a picture Herald takes in:", StringComparison.Ordinal)), output);
        Assert.True(lines.Any(l => l.StartsWith($"  {host.Origin}/huge/huge.jpg: too large (20.1 MB; a picture may be at most 20 MB)", StringComparison.Ordinal)), output);
        // They stay remote, and the remote-pictures note counts them.
        Assert.True(lines.Any(l => l.StartsWith("Note: 4 pictures stay at their old address", StringComparison.Ordinal)), output);
        // Another scheme is never asked for.
        Assert.True(lines.Any(l => l.StartsWith("Note: 1 attachments whose address is not http(s) or relative (left out)", StringComparison.Ordinal)), output);

        // The host was asked once per picture; the 503 was tried again, the 404 not; the duplicate address not at all.
        Assert.Equal(1, host.RequestsFor("/wp-content/uploads/2013/03/ferry.png"));
        Assert.Equal(2, host.RequestsFor("/wp-content/uploads/2013/03/quay.png"));
        Assert.Equal(1, host.RequestsFor("/wp-content/uploads/lost.jpg"));
        Assert.Equal(3, host.RequestsFor("/slow/harbour.jpg"));

        var media = Rows(db, """SELECT "Id", "Url", "SourceUrl", "Srcset", "Width" FROM "MediaItems" ORDER BY "Id" """);
        Assert.Equal(7, media.Count);
        string UrlOf(string tail) => (string)media.First(m => ((string)m[2]!).EndsWith(tail, StringComparison.Ordinal))[1]!;
        var ferry = media.Where(m => ((string)m[2]!).EndsWith("ferry.png", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ferry.Count);
        Assert.All(ferry, f => Assert.Equal("/media/wp/10-ferry.png", f[1]));
        Assert.All(ferry, f => Assert.Equal("/media/wp/10-ferry-480.png 480w, /media/wp/10-ferry-800.png 800w, /media/wp/10-ferry.png 1200w", f[3]));
        Assert.Equal("/media/wp/15-quay.png", UrlOf("quay.png"));
        foreach (var tail in new[] { "lost.jpg", "harbour.jpg", "notes.jpg", "huge.jpg" })
        {
            var row = media.Single(m => ((string)m[2]!).EndsWith(tail, StringComparison.Ordinal));
            Assert.Equal(row[2], row[1]);
        }
        var stored = Path.Combine(folder.Path, "site", "media", "wp");
        foreach (var name in new[] { "10-ferry.png", "10-ferry-480.png", "10-ferry-800.png", "15-quay.png", "15-quay-480.png" })
        {
            Assert.True(File.Exists(Path.Combine(stored, name)), name);
        }

        var article = Rows(db, """SELECT "BodyMarkdown", "BodyHtml", "FeaturedImage_Url", "FeaturedImage_Srcset" FROM "Articles" WHERE "Slug" = 'ferry-timetable-changes'""").Single();
        var source = (string)article[0]!;
        // The 300-wide copy WordPress made leads to the 480 rendition, the 580-wide one to the 800, the link around it to the full picture.
        Assert.Contains("src=\"/media/wp/10-ferry-480.png\"", source);
        Assert.Contains("src=\"/media/wp/10-ferry-800.png\"", source);
        Assert.Contains("href=\"/media/wp/10-ferry.png\"", source);
        Assert.Contains($"{host.Origin}/wp-content/uploads/lost.jpg", source);
        var html = (string)article[1]!;
        Assert.DoesNotContain("ferry-300x200", html);
        Assert.DoesNotContain("ferry-580x386", html);
        Assert.Contains("<figcaption>The first ferry leaves at six.</figcaption>", html);
        Assert.Contains("<img src=\"/media/wp/10-ferry.png\"", html);
        Assert.Contains("<img src=\"/media/wp/15-quay.png\"", html);
        Assert.Equal("/media/wp/10-ferry.png", article[2]);
        Assert.Contains("/media/wp/10-ferry-480.png 480w", (string)article[3]!);

        // A second run downloads nothing again: the host hears no request at all.
        var before = host.Requests.Values.Sum();
        var again = await CommandLineImport.RunAsync("import", "wxr", file, "--fetch-media", "--fetch-timeout", "3", "--db", $"Data Source={db}");
        Assert.True(again.Exit == 0, again.Output + again.Errors);
        Assert.Equal(before, host.Requests.Values.Sum());
        Assert.Contains("  attachments: 7", again.Output.Split("Already imported", 2)[1]);
        Assert.Equal(7, Rows(db, """SELECT "Id" FROM "MediaItems" """).Count);
    }

    [Fact]
    public async Task A_second_export_of_the_same_site_reuses_pictures_stored_from_the_same_address()
    {
        await using var host = await UploadsServer.StartAsync();
        host.AddPicture("/wp-content/uploads/2013/03/ferry.png", 900, 600);
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "herald.db");
        var first = Path.Combine(folder.Path, "first.xml");
        await File.WriteAllTextAsync(first, Export(host.Origin));
        // The same site exported again under another address: other import keys, the same picture addresses.
        var second = Path.Combine(folder.Path, "second.xml");
        await File.WriteAllTextAsync(second, Export(host.Origin).Replace("https://gazette.example<", "https://gazette.example/news<", StringComparison.Ordinal));

        Assert.Equal(0, (await CommandLineImport.RunAsync("import", "wxr", first, "--fetch-media", "--fetch-timeout", "3", "--skip-analysis", "--db", $"Data Source={db}")).Exit);
        var asked = host.RequestsFor("/wp-content/uploads/2013/03/ferry.png");
        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", second, "--fetch-media", "--fetch-timeout", "3", "--skip-analysis", "--db", $"Data Source={db}");

        Assert.True(exit == 0, output + errors);
        Assert.InRange(asked, 1, 3);
        Assert.Equal(asked, host.RequestsFor("/wp-content/uploads/2013/03/ferry.png"));
        Assert.Contains("attachment files (stored from the same address): 2", output);
    }

    [Fact]
    public async Task Fetch_media_and_a_media_folder_together_are_refused_with_a_reason()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "gazette.xml");
        await File.WriteAllTextAsync(file, Export("https://gazette.example"));

        var both = await CommandLineImport.RunAsync("import", "wxr", file, "--fetch-media", "--media", folder.Path, "--db", $"Data Source={Path.Combine(folder.Path, "h.db")}");
        Assert.NotEqual(0, both.Exit);
        Assert.Contains("Choose one source of pictures", both.Errors);

        var timeout = await CommandLineImport.RunAsync("import", "wxr", file, "--fetch-media", "--fetch-timeout", "0", "--db", $"Data Source={Path.Combine(folder.Path, "h.db")}");
        Assert.NotEqual(0, timeout.Exit);
        Assert.Contains("--fetch-timeout takes a number of seconds from 1 to 300", timeout.Errors);
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