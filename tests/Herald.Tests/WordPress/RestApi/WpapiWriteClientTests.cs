using System.Diagnostics;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Accounts.ApplicationPasswords;
using Herald.Tests.Articles;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// The npm client wpapi (tests/tools, `npm ci`), with an application password, writes to Herald
/// as it would to WordPress: creates a published post that then shows on the public site,
/// updates it (its cached page evicted at once), uploads a picture and deletes the post.
/// tests/tools/wpapi-write.js runs one step per call and prints JSON.
/// </summary>
public sealed class WpapiWriteClientTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>
{
    private static readonly string Tools = Path.Combine(RepositoryPaths.Root, "tests", "tools");

    [SkippableFact]
    public async Task Wpapi_creates_updates_uploads_and_deletes()
    {
        RequiredService.SkipUnlessAvailable(HtmlValidityTests.Which("node") is not null, "Node.js is not installed; the wpapi client test needs it.");
        RequiredService.SkipUnlessAvailable(Directory.Exists(Path.Combine(Tools, "node_modules", "wpapi")),
            "The npm package wpapi is not installed; run `npm ci` in tests/tools.");
        var server = site.RequireServer();
        const string email = "wpapi-writer@example.org";
        await NewsroomSession.CreateUserAsync(server, email, Roles.Editor, "correct horse battery");
        string password;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>().FindByEmailAsync(email);
            var (made, _) = await scope.ServiceProvider.GetRequiredService<ApplicationPasswords>().CreateAsync(user!, "wpapi", CancellationToken.None);
            password = ApplicationPasswordFormat.Grouped(made!.Password); // as a person copies it, spaces and all
        }
        var endpoint = new Uri(server.Address, "/wp-json").ToString();
        Task<JsonNode> Step(params string[] args) => RunAsync([endpoint, email, password, .. args]);

        var created = await Step("create", "Lantern festival moves to the quay", "<p>Paper lanterns on the water at nine.</p>");
        Assert.Equal("publish", (string?)created["status"]);
        var id = (int)created["id"]!;
        var path = new Uri((string)created["link"]!).PathAndQuery;
        using var reader = server.CreateClient();
        var page = await reader.GetStringAsync(path);
        Assert.Contains("Lantern festival moves to the quay", page);
        Assert.Contains("Paper lanterns on the water", page);
        Assert.Contains(id, WpApi.Ids(await WpApi.ListAsync(server, "posts")));

        await reader.GetStringAsync(path); // cached now
        var updated = await Step("update", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "<p>Lanterns at ten, after the tide.</p>");
        Assert.Equal(id, (int)updated["id"]!);
        page = await reader.GetStringAsync(path);
        Assert.Contains("after the tide", page);
        Assert.DoesNotContain("Paper lanterns on the water", page);

        using var folder = new TempFolder("herald-wpapi-upload");
        var picture = Path.Combine(folder.Path, "lanterns.png");
        await File.WriteAllBytesAsync(picture, WpWriteTests.TinyPng());
        var media = await Step("upload", picture, "Lanterns on the quay");
        Assert.Equal("Lanterns on the quay", (string?)media["alt_text"]);
        Assert.Equal("image/png", (string?)media["mime_type"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(new Uri((string)media["source_url"]!).PathAndQuery)).StatusCode);

        var deleted = await Step("delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((bool)deleted["deleted"]!);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(id, WpApi.Ids(await WpApi.ListAsync(server, "posts")));
    }

    private static async Task<JsonNode> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("node", ["wpapi-write.js", .. args])
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"wpapi-write.js {args[3]} failed ({process.ExitCode}):\n{await stderr}");
        return JsonNode.Parse(await stdout)!;
    }
}