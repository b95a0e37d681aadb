using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.WordPress.Import;

/// <summary>A broken export is refused with its file, line and column, before anything is written.</summary>
[Trait("Tier", "Slow")]
public sealed class MalformedExportTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Broken</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>https://broken.example</wp:base_blog_url>
        <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
        <item><title>First</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>first</wp:post_name>
        <content:encoded><![CDATA[<p>Fine.</p>]]></content:encoded></item>
        """;

    public static TheoryData<string, string, int, string> Cases => new()
    {
        // name, file content, expected line, expected words
        { "truncated", Head + "<item><title>Cut", 10, "Unexpected end of file" },
        { "bad entity", Head + "<item><title>Caf&eacute;</title></item></channel></rss>", 10, "eacute" },
        { "wrong root", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", 2, "not <rss>" },
        { "bad post id", Head + "<item><title>x</title><wp:post_id>abc</wp:post_id></item></channel></rss>", 10, "wp:post_id \"abc\" is not a number" },
        // Errors found in an item's fields point at the item.
        { "bad date", Head.Replace("2020-01-01 10:00:00", "yesterday") + "</channel></rss>", 8, "is not a WordPress date" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_file_is_a_located_error_and_leaves_the_database_unchanged(string name, string content, int line, string words)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, $"{name.Replace(' ', '-')}.xml");
        await File.WriteAllTextAsync(file, content);
        var db = Path.Combine(folder.Path, "herald.db");

        var (exit, output, errors) = await CommandLineImport.RunAsync("import", "wxr", file, "--skip-analysis", "--db", $"Data Source={db}");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("Imported:", output);
        var message = errors.Split('\n').Single(l => l.StartsWith("herald: ", StringComparison.Ordinal));
        Assert.Matches($@"^herald: {System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file))}:{line}:\d+: ", message);
        Assert.Contains(words, message);
        Assert.Equal(0, Count(db, "Articles"));
        Assert.Equal(0, Count(db, "Categories"));
        Assert.Equal(0, Count(db, "ImportedItems"));
    }

    [Fact]
    public async Task A_missing_file_and_an_unknown_format_are_usage_errors()
    {
        using var folder = new TempFolder();
        var db = $"Data Source={Path.Combine(folder.Path, "h.db")}";
        var missing = await CommandLineImport.RunAsync("import", "wxr", Path.Combine(folder.Path, "nope.xml"), "--db", db);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("There is no file", missing.Errors);

        var format = await CommandLineImport.RunAsync("import", "csv", "x", "--db", db);
        Assert.Equal(2, format.Exit);
        Assert.Contains("herald import wxr FILE", format.Errors);
    }

    private static long Count(string db, string table)
    {
        if (!File.Exists(db))
        {
            return 0;
        }
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }
}