using System.Text.RegularExpressions;
using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.WordPress.Import;

/// <summary>
/// An export of 100,000 posts through the real command line: memory stays bounded, an import
/// killed mid-way and run again ends exactly where one clean run would, and a third run adds
/// nothing. Analysis is skipped (--skip-analysis): it is per-article work measured in bench/wordpress.
/// The import runs in a child process and nothing here depends on time (the kill waits for a count
/// of items), so it starts first beside the parallel tests instead of holding the machine alone.
/// </summary>
[Collection(StartsFirst.Name)]
[Trait("Tier", "Slow")]
public sealed partial class LargeExportImportTests
{
    private const int Posts = 100_000;

    /// <summary>
    /// The bound on peak working set. A bare Herald process (runtime, ASP.NET Core, EF Core model)
    /// peaks near 200 MB on this machine; an import keeps one batch of 500 posts and one slug
    /// per article (~10 MB at 100,000) beyond that. Reading the whole 100 MB export into memory
    /// as a DOM would alone take several times the file's size, so this bound fails if streaming breaks.
    /// </summary>
    private const long MaxPeakMegabytes = 450;

    [GeneratedRegex(@"Peak memory: (\d+) MB")]
    private static partial Regex PeakLine();

    [Fact]
    public async Task A_hundred_thousand_posts_import_in_bounded_memory_resume_after_a_kill_and_never_duplicate()
    {
        using var folder = new TempFolder("herald-wxr-large");
        var file = Path.Combine(folder.Path, "large.xml");
        var expected = WxrGenerator.Write(file, Posts);
        var dbFile = Path.Combine(folder.Path, "herald.db");
        var db = $"Data Source={dbFile}";

        var killed = await CommandLineImport.RunAndKillAsync(Posts / 5, "import", "wxr", file, "--skip-analysis", "--db", db);
        Assert.Contains("items: ", killed);
        var partial = Count(dbFile, "Articles");
        Assert.InRange(partial, 1, Posts - 1);

        var resumed = await CommandLineImport.RunAsync("import", "wxr", file, "--skip-analysis", "--db", db);
        Assert.True(resumed.Exit == 0, resumed.Errors);
        Assert.Contains($"posts: {partial}", resumed.Output.Split("Already imported")[1]);
        AssertCounts(dbFile, expected);
        var peak = long.Parse(PeakLine().Match(resumed.Output).Groups[1].Value);
        Assert.InRange(peak, 1, MaxPeakMegabytes);

        var again = await CommandLineImport.RunAsync("import", "wxr", file, "--skip-analysis", "--db", db);
        Assert.True(again.Exit == 0, again.Errors);
        Assert.Contains($"posts: {Posts}", again.Output.Split("Already imported")[1]);
        AssertCounts(dbFile, expected);
    }

    private static void AssertCounts(string dbFile, WxrGenerator.Counts expected)
    {
        Assert.Equal(expected.Posts, Count(dbFile, "Articles"));
        Assert.Equal(expected.Comments, Count(dbFile, "Comments"));
        Assert.Equal(expected.Categories, Count(dbFile, "Categories"));
        Assert.Equal(expected.Tags, Count(dbFile, "Tags"));
        Assert.Equal(expected.Posts, Count(dbFile, "ImportedItems WHERE Kind = 'post'"));
        Assert.Equal(expected.Comments, Count(dbFile, "ImportedItems WHERE Kind = 'comment'"));
        Assert.Equal(expected.Comments / 2, Count(dbFile, "Comments WHERE ParentId IS NOT NULL AND Depth = 1"));
        // Each post's permalink and its /?p= address, and nothing twice (Path is unique).
        Assert.Equal(expected.Posts * 2, Count(dbFile, "LegacyRedirects WHERE ArticleId IS NOT NULL"));
        // Sections 6 to 10 sit under 1 to 5: WordPress addressed them as /category/section-1/section-6/.
        Assert.Equal(5, Count(dbFile, "LegacyRedirects WHERE TargetPath IS NOT NULL"));
        Assert.Equal(0, Count(dbFile, "(SELECT Slug FROM Articles GROUP BY Slug HAVING COUNT(*) > 1)"));
    }

    private static long Count(string db, string from)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {from}";
        return (long)command.ExecuteScalar()!;
    }
}