using System.Diagnostics;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Articles;

/// <summary>
/// Public pages are valid HTML5 by the Nu HTML Checker (vnu-jar, installed by `npm ci` in
/// tests/tools, run on the machine's Java). Errors fail the test; warnings are printed only.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class HtmlValidityTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly string VnuJar = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [SkippableTheory]
    [InlineData("article")]
    [InlineData("/")]
    [InlineData("/category/politics")]
    [InlineData("/author/ayse-yilmaz")]
    [InlineData("/2026/10")]
    [InlineData("/no-such-page")]
    [InlineData("/people/anders-falk")]
    [InlineData("/search?q=harbour+ferry")]
    [InlineData("/search?q=%22unbalanced")]
    public async Task Pages_have_no_html_errors(string path)
    {
        RequiredService.SkipUnlessAvailable(File.Exists(VnuJar), $"The Nu HTML Checker is not installed ({VnuJar}); run `npm ci` in tests/tools.");
        RequiredService.SkipUnlessAvailable(Which("java") is not null, "Java is not installed; the Nu HTML Checker needs it.");
        using var client = fixture.RequireServer().CreateClient();
        if (path == "article")
        {
            var (_, home) = await client.GetPageAsync("/");
            path = home.ArticleLinks()[0];
        }
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();

        var errors = await CheckAsync(html);

        Assert.True(errors.Count == 0, $"{path}:\n" + string.Join("\n", errors));
    }

    private static async Task<List<string>> CheckAsync(string html)
    {
        var file = Path.Combine(Path.GetTempPath(), $"herald-vnu-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var start = new ProcessStartInfo("java", ["-jar", VnuJar, "--format", "json", "--errors-only", file])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;
            using var json = JsonDocument.Parse(report);
            return json.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{m.GetProperty("type").GetString()} line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}