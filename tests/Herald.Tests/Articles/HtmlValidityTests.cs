using System.Diagnostics;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Articles;

/// <summary>
/// Public pages are valid HTML5 by the Nu HTML Checker (vnu-jar, installed by `npm ci` in
/// tests/tools, run on the machine's Java). Errors fail the test; warnings are printed only.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class HtmlValidityTests(CheckedPages pages) : IClassFixture<CheckedPages>
{
    /// <summary>"article" stands for the newest article on the home page.</summary>
    public static readonly string[] Paths =
    [
        CheckedPages.FirstArticle, "/", "/category/politics", "/author/ayse-yilmaz", "/2026/10", "/no-such-page",
        "/people/anders-falk", "/search?q=harbour+ferry", "/search?q=%22unbalanced",
    ];

    public static TheoryData<string> Pages => new(Paths);

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Pages_have_no_html_errors(string path)
    {
        var errors = (await pages.ErrorsAsync())[path];

        Assert.True(errors.Count == 0, $"{path}:\n" + string.Join("\n", errors));
    }

    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// The demo site's pages that <see cref="HtmlValidityTests"/> names, fetched once and checked in
/// one run of the checker: a Java start costs seconds, a page milliseconds.
/// </summary>
public sealed class CheckedPages : SqliteSiteFixture
{
    public const string FirstArticle = "article";

    private static readonly string VnuJar = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");


    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<string, List<string>>? errors;

    /// <summary>The checker's errors for each path; skips (or fails under CI) when the checker cannot run here.</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> ErrorsAsync()
    {
        RequiredService.SkipUnlessAvailable(File.Exists(VnuJar), $"The Nu HTML Checker is not installed ({VnuJar}); run `npm ci` in tests/tools.");
        RequiredService.SkipUnlessAvailable(HtmlValidityTests.Which("java") is not null, "Java is not installed; the Nu HTML Checker needs it.");
        var server = RequireServer();
        await gate.WaitAsync();
        try
        {
            return errors ??= await CheckAllAsync(server);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<Dictionary<string, List<string>>> CheckAllAsync(HeraldTestServer server)
    {
        using var folder = new TempFolder("herald-vnu");
        using var client = server.CreateClient();
        var files = new Dictionary<string, string>();
        foreach (var (path, i) in HtmlValidityTests.Paths.Select((p, i) => (p, i)))
        {
            var address = path;
            if (path == FirstArticle)
            {
                var (_, home) = await client.GetPageAsync("/");
                address = home.ArticleLinks()[0];
            }
            var file = Path.Combine(folder.Path, $"page-{i}.html");
            await File.WriteAllTextAsync(file, await (await client.GetAsync(address)).Content.ReadAsStringAsync());
            files[file] = path;
        }

        var start = new ProcessStartInfo("java", ["-jar", VnuJar, "--format", "json", "--errors-only", .. files.Keys])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;

        var errors = HtmlValidityTests.Paths.ToDictionary(p => p, _ => new List<string>());
        using var json = JsonDocument.Parse(report);
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var file = message.TryGetProperty("url", out var url) ? new Uri(url.GetString()!).LocalPath : "";
            var line = message.TryGetProperty("lastLine", out var at) ? at.GetInt32() : 0;
            var text = $"{message.GetProperty("type").GetString()} line {line}: {message.GetProperty("message").GetString()}";
            if (files.TryGetValue(file, out var path))
            {
                errors[path].Add(text);
            }
            else
            {
                // A message about no page (the checker itself failing) fails every page.
                foreach (var list in errors.Values)
                {
                    list.Add(text);
                }
            }
        }
        return errors;
    }
}