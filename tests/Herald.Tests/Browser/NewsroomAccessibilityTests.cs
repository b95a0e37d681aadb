using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Herald.Accounts;
using Herald.Accounts.PasswordReset;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Herald.Tests.Browser;

/// <summary>
/// axe-core, the accessibility engine, on every page of the newsroom in Chromium: the pages an
/// Administrator reaches by following the newsroom's own links (one page of each kind, so a new
/// page is checked the day it is linked) and the pages a signed-out person sees. The WCAG 2.x A and
/// AA rules must find nothing; a reporter who uses a screen reader or a keyboard works here too.
/// </summary>
[Trait("Tier", "Slow")]
public sealed partial class NewsroomAccessibilityTests(SqliteSiteFixture site, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string Email = "browser-accessibility@example.org";
    private const string Password = "a password for the accessibility check";

    /// <summary>Enough for every kind of newsroom page; a crawl that needs more has found a loop.</summary>
    private const int MostPages = 80;

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [SkippableFact]
    public async Task Axe_finds_no_violation_on_any_newsroom_page()
    {
        var server = site.RequireServer();
        await NewsroomSession.CreateUserAsync(server, Email, Roles.Administrator, Password);
        var chromium = browser.RequireBrowser();
        var origin = server.Address.ToString().TrimEnd('/');
        var violations = new List<string>();

        // axe runs as a script the page did not bring, which Herald's content security policy forbids.
        await using var signedOut = await chromium.NewContextAsync(new() { BypassCSP = true, BaseURL = origin });
        var visitor = await signedOut.NewPageAsync();
        foreach (var path in new[] { "/newsroom/login", "/newsroom/forgot-password", await ResetLinkAsync(server) })
        {
            violations.AddRange(await CheckAsync(visitor, path));
        }
        violations.AddRange(await CheckAsync(visitor, PasswordResets.Path + "?user=nobody&token=expired", expectedStatus: 400));

        await using var signedIn = await chromium.NewContextAsync(new() { BypassCSP = true, BaseURL = origin, ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await signedIn.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(Email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        // A picture in the library, so its own page is among those checked.
        await page.GotoAsync("/newsroom/media");
        await page.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "harbour.png", MimeType = "image/png", Buffer = Newsroom.MediaTests.Png(800, 500) });
        await page.Locator("input[name='Upload.Alt']").FillAsync("The harbour at dawn");
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom/media/*");

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/newsroom"]);
        var visited = new List<string>();
        while (queue.TryDequeue(out var path) && visited.Count < MostPages)
        {
            if (!kinds.Add(Kind(path)))
            {
                continue;
            }
            visited.Add(path);
            violations.AddRange(await CheckAsync(page, path));
            foreach (var link in await NewsroomLinksAsync(page, origin))
            {
                queue.Enqueue(link);
            }
        }
        violations.AddRange(await PagesBehindButtonsAsync(page));
        output.WriteLine($"{visited.Count} newsroom pages checked: {string.Join(", ", visited)}");
        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }

        Assert.True(visited.Count < MostPages, $"the crawl reached {MostPages} kinds of page: {string.Join(", ", visited)}");
        // Every part of the newsroom is reached, or the crawl proves less than it claims.
        foreach (var part in new[] { "/newsroom/articles/edit/#", "/newsroom/articles/#/revisions", "/newsroom/articles/#/entities", "/newsroom/comments", "/newsroom/media/#", "/newsroom/entities/#", "/newsroom/users", "/newsroom/settings", "/newsroom/trash", "/newsroom/breaking", "/newsroom/menus" })
        {
            Assert.Contains(part, kinds);
        }
        Assert.True(violations.Count == 0, $"{violations.Count} accessibility violations:\n{string.Join('\n', violations)}");
    }

    private static async Task<List<string>> CheckAsync(IPage page, string path, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == expectedStatus, $"{path} answered {response?.Status}");
        // The editor's live preview is part of the page the reporter reads; check it drawn.
        if (await page.Locator("[data-preview-body]").CountAsync() > 0)
        {
            await page.Locator("[data-preview-body][data-rendered=true], [data-preview-body] .form-problem").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        }
        return await CheckCurrentAsync(page, path);
    }

    /// <summary>axe on the page as it stands, named for the report.</summary>
    private static async Task<List<string>> CheckCurrentAsync(IPage page, string path)
    {
        var result = await page.RunAxe(WcagAa);
        // One line per rule and page, with the first element it names: a list row repeats the same fault.
        return result.Violations.Select(v => $"{path}: {v.Id} ({v.Impact}, {v.Nodes.Length} elements): {v.Help}, first at {v.Nodes[0].Target}: {Shorten(v.Nodes[0].Html)}").ToList();
    }

    /// <summary>
    /// The pages no link leads to: a live story's old revision restored as a draft beside the live
    /// text, and the confirmation that names a story before it leaves the site.
    /// </summary>
    private static async Task<List<string>> PagesBehindButtonsAsync(IPage page)
    {
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync("Ferry timetable changes for winter");
        await page.Locator("textarea[name='Form.Body']").FillAsync("The last crossing leaves at nine.");
        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();
        var editor = page.Url;
        await page.Locator("textarea[name='Form.Body']").FillAsync("The last crossing leaves at ten.");
        await page.Locator("button[value=save]").ClickAsync();
        await page.Locator(".notice").First.WaitForAsync();
        var id = editor[(editor.LastIndexOf('/') + 1)..];

        await page.GotoAsync($"/newsroom/articles/{id}/revisions");
        await page.Locator("button", new() { HasText = "Restore" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/revisions/draft");
        var found = await CheckAsync(page, new Uri(page.Url).PathAndQuery);

        await page.GotoAsync(editor);
        await page.Locator("button", new() { HasText = "Move to trash" }).ClickAsync();
        await page.Locator(".confirm").WaitForAsync();
        found.AddRange(await CheckCurrentAsync(page, "the confirmation before the trash"));
        return found;
    }

    /// <summary>The path of a live reset link for the test's account, as the e-mail would carry it.</summary>
    private static async Task<string> ResetLinkAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>().FindByEmailAsync(Email);
        var link = await scope.ServiceProvider.GetRequiredService<PasswordResets>().LinkAsync(user!, "http://herald.test");
        return new Uri(link).PathAndQuery;
    }

    /// <summary>The newsroom addresses a page links to, without the ones that end the session.</summary>
    private static async Task<List<string>> NewsroomLinksAsync(IPage page, string origin)
    {
        var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        return hrefs.Select(h => h.StartsWith(origin, StringComparison.Ordinal) ? h[origin.Length..] : "")
            .Select(h => h.Split('#')[0])
            .Where(h => h.StartsWith("/newsroom", StringComparison.Ordinal) && !h.StartsWith("/newsroom/logout", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    /// <summary>A page's kind: its path with the numbers taken out, and the names (not the values) of its query.</summary>
    private static string Kind(string path)
    {
        var parts = path.Split('?', 2);
        var kind = Number().Replace(parts[0], "#");
        if (parts.Length == 2)
        {
            kind += "?" + string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        }
        return kind;
    }

    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Number();

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}