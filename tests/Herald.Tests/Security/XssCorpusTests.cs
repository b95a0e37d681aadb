using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Herald.Articles;
using Herald.Comments;
using Herald.Site;
using Herald.Storage;
using Herald.Tests.Browser;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Herald.Tests.Security;

/// <summary>
/// The demo site with comments open on every story and no posting limit to slow the corpus down,
/// and the refusals its forms answered served back at addresses of its own (<see cref="XssAnswers"/>).
/// </summary>
public sealed class XssSiteFixture : SqliteSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.PostConfigure<CommentOptions>(options =>
        {
            options.CloseAfterDays = 0;
            options.RatePermits = 100_000;
        });
        services.AddSingleton<XssAnswers>();
        services.AddSingleton<IStartupFilter>(provider => provider.GetRequiredService<XssAnswers>());
    }
}

/// <summary>
/// The XSS corpus (<c>XssPayloads.txt</c>) through every input a visitor, a Contributor, an Author
/// and a WordPress export reach, and every page that shows them, in Chromium: newsroom pages an
/// Editor opens (list, editor with its live preview, revisions, media, tags, sections, comment
/// queue), public pages (story, home, section, tag, author, month, search, refusal pages), and the
/// feeds and the WordPress API as their readers show them. Run with Herald's content security
/// policy bypassed on every page and with it enforced on a sample of them; no payload may run in
/// either, and none may even be left in a page as a handler or a javascript: address.
/// </summary>
[Trait("Tier", "Slow")]
[Collection(RunsAlone.Name)]
public sealed partial class XssCorpusTests(XssSiteFixture site, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<XssSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string EditorEmail = "xss-editor@example.org";

    private readonly List<string> phases = [];
    private readonly Stopwatch phaseClock = Stopwatch.StartNew();

    /// <summary>
    /// Notes how long the step before took, in the test's output and in TestResults/artifacts/xss-corpus.log;
    /// after a step that loaded pages, the log also gets the pages per second, the kinds of page that took
    /// longest in all and the slowest pages.
    /// </summary>
    private void Phase(string done, params XssDetector[] loaded)
    {
        var seconds = phaseClock.Elapsed.TotalSeconds;
        var timings = loaded.SelectMany(d => d.Timings.Select(t => (d.Mode, Timing: t))).ToList();
        foreach (var detector in loaded)
        {
            detector.Timings.Clear();
        }
        var line = $"{done}: {seconds:0.0} s" + (timings.Count > 0 ? $" ({timings.Count / seconds:0.0} pages/s)" : "");
        phaseClock.Restart();
        phases.Add(line);
        var log = new StringBuilder($"{DateTime.UtcNow:HH:mm:ss} {line}\n");
        foreach (var kind in timings.GroupBy(t => $"{t.Mode}, {PageKind().Replace(t.Timing.Label, "#")}").OrderByDescending(g => g.Sum(t => t.Timing.Total.Ticks)).Take(8))
        {
            log.Append(CultureInfo.InvariantCulture, $"    {kind.Key}: {kind.Count()} pages, {kind.Average(t => t.Timing.Total.TotalMilliseconds):0} ms each ({kind.Average(t => t.Timing.Loaded.TotalMilliseconds):0} ms loading)\n");
        }
        foreach (var (mode, timing) in timings.OrderByDescending(t => t.Timing.Total).Take(10))
        {
            log.Append(CultureInfo.InvariantCulture, $"    {timing.Total.TotalMilliseconds:0} ms ({timing.Loaded.TotalMilliseconds:0} ms loading), {mode}: {timing.Label} {timing.Url}\n");
        }
        File.AppendAllText(Path.Combine(RepositoryPaths.Artifacts, "xss-corpus.log"), log.ToString());
    }

    [SkippableFact]
    public async Task No_payload_runs_anywhere_with_the_content_policy_enforced_or_bypassed()
    {
        var server = site.RequireServer();
        var chromium = browser.RequireBrowser();
        var clock = Stopwatch.StartNew();
        using var beacon = new XssBeacon();
        var corpus = XssCorpus.Load();
        Assert.True(corpus.Count >= 80, $"the corpus has {corpus.Count} payloads");
        var payloads = corpus;
        var origin = server.Address.ToString().TrimEnd('/');
        var demoMedia = await QueryAsync(db => db.MediaItems.Select(m => m.Id).ToListAsync());

        // The inputs, as the people who reach them would fill them in.
        var inputs = new XssInputs(server, payloads, beacon.Origin);
        await inputs.UploadPicturesAsync();
        await inputs.SubmitStoriesAsync();
        using var folder = new TempFolder();
        var wxr = Path.Combine(folder.Path, "hostile.xml");
        XssWxr.Write(wxr, payloads, beacon.Origin, inputs.Placed);
        await XssWxr.ImportAsync(server.Services, wxr);
        var written = clock.Elapsed;
        Phase("writing the corpus into Herald");

        await using var enforced = await XssDetector.StartAsync(chromium, origin, bypassCsp: false);
        await using var bypassed = await XssDetector.StartAsync(chromium, origin, bypassCsp: true);
        XssDetector[] detectors = [enforced, bypassed];
        await ProveTheDetectorsWorkAsync(detectors, beacon);
        Phase("the sanity page", detectors);
        // The Editor who publishes the stories over HTTP later reads them in both browsers.
        await NewsroomSession.CreateUserAsync(server, EditorEmail, Herald.Accounts.Roles.Editor, XssInputs.Password);
        foreach (var detector in detectors)
        {
            await SignInAsync(detector);
        }

        // What an Editor sees before publishing a Contributor's stories.
        var newsroom = await NewsroomPagesAsync(server, inputs, demoMedia);
        await VisitAsync(detectors, newsroom);
        Phase($"{newsroom.Count} newsroom pages in each mode", detectors);
        await inputs.PublishStoriesAsync();
        await inputs.CommentAsync();
        Phase("publishing and commenting");
        var moderation = await ModerationPagesAsync(server, inputs);
        await VisitAsync(detectors, moderation);
        Phase($"{moderation.Count} moderation pages in each mode", detectors);
        await CommentData.ModerateAsync(server, ModerationAction.Approve, [.. inputs.Comments]);

        // What readers, searchers and the programs that read feeds and the API see.
        var answers = server.Services.GetRequiredService<XssAnswers>();
        foreach (var answer in inputs.Refusals)
        {
            answers.Add(answer);
        }
        var publicPages = await PublicPagesAsync(server, inputs, payloads, beacon.Origin);
        publicPages.AddRange(await ReaderPagesAsync(server, beacon));
        Phase("gathering public pages, feeds and the API");
        await VisitAsync(detectors, publicPages);
        Phase($"{publicPages.Count} public and reader pages in each mode", detectors);
        await Task.Delay(1500); // the last fetches to reach the beacon

        var beaconHits = beacon.Executions.Where(c => c != XssCorpus.SanityCode).ToList();
        var executions = detectors.SelectMany(d => d.Executions.Where(e => e.Code != XssCorpus.SanityCode).Select(e => $"{d.Mode}: {e.Detector} of {XssCorpus.Describe(e.Code, payloads)} on {e.Page}"))
            .Concat(beaconHits.Select(c => $"beacon: {XssCorpus.Describe(c, payloads)}"))
            .ToList();
        var latent = detectors.SelectMany(d => d.Latent.Select(l => $"{d.Mode}: {l.Page}: {l.Detail}")).Distinct().ToList();
        var problems = detectors.SelectMany(d => d.Problems.Select(p => $"{d.Mode}: {p}")).ToList();
        var seen = detectors.SelectMany(d => d.Seen.Keys).ToHashSet();
        var unseen = inputs.Placed.Where(c => !seen.Contains(c)).Order().ToList();
        var blindFields = inputs.Placed.GroupBy(c => XssCorpus.Decode(c).Field).Where(g => !g.Any(seen.Contains)).Select(g => g.Key).ToList();
        var byField = inputs.Placed.GroupBy(c => XssCorpus.Decode(c).Field)
            .Select(g => $"{g.Key} {g.Count(seen.Contains)}/{g.Count()}");
        var placements = bypassed.Seen.Sum(s => s.Value.Distinct().Count());

        string[] summary =
        [
            $"{payloads.Count} payloads, {inputs.Placed.Count} placements in {Enum.GetValues<XssField>().Length} fields, " +
                $"{placements} payload-page pairs seen; pages loaded: {enforced.PagesLoaded} enforced, {bypassed.PagesLoaded} bypassed; " +
                $"{inputs.Refusals.Count} refusal pages; passive loads of the beacon: {beacon.PassiveLoads.Count}; " +
                $"writing {written.TotalSeconds:0} s, all {clock.Elapsed.TotalSeconds:0} s.",
            "Seen by field: " + string.Join(", ", byField),
            "Time: " + string.Join("; ", phases),
            $"Executions: {executions.Count}; latent hazards: {latent.Count}; page problems: {problems.Count}.",
            $"Placements on no page ({unseen.Count}; the sanitizer removed them whole, or an import check refused their item): " +
                string.Join(", ", unseen.Select(c => XssCorpus.Describe(c, payloads))),
        ];
        foreach (var line in summary)
        {
            output.WriteLine(line);
        }
        // The console logger shows a passing test's output only at detailed verbosity; the log keeps it for comparing runs.
        File.AppendAllLines(Path.Combine(RepositoryPaths.Artifacts, "xss-corpus.log"), summary);
        foreach (var line in executions.Concat(latent).Concat(problems).Take(200))
        {
            output.WriteLine(line);
        }

        Assert.True(executions.Count == 0, $"{executions.Count} executions:\n{string.Join('\n', executions.Take(40))}");
        Assert.True(latent.Count == 0, $"{latent.Count} live handlers or script addresses left in pages:\n{string.Join('\n', latent.Take(40))}");
        Assert.True(problems.Count == 0, $"{problems.Count} pages proved nothing:\n{string.Join('\n', problems.Take(40))}");
        // A suite that never shows a payload would pass by detecting nothing: every field must reach a
        // page, and nearly every placement. The rest were removed whole by the sanitizer (a script
        // element with its text) or belong to an imported picture refused for its address.
        Assert.True(blindFields.Count == 0, $"fields shown on no page: {string.Join(", ", blindFields)}");
        Assert.True(unseen.Count <= inputs.Placed.Count / 10, $"{unseen.Count} of {inputs.Placed.Count} placements shown on no page");
    }

    /// <summary>A page Herald does not sanitise, with one payload: every detector must catch it, in both modes.</summary>
    private static async Task ProveTheDetectorsWorkAsync(XssDetector[] detectors, XssBeacon beacon)
    {
        var page = beacon.AddPage("/sanity", "<!doctype html><title>Sanity</title><p>Not sanitised:</p>" +
            XssCorpus.Fill("<img src=x onerror={js}>", XssCorpus.SanityCode, beacon.Origin));
        foreach (var detector in detectors)
        {
            var before = beacon.Executions.Count(c => c == XssCorpus.SanityCode);
            await detector.VisitAsync([new XssPage("sanity page", page)]);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (beacon.Executions.Count(c => c == XssCorpus.SanityCode) == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.Contains(detector.Executions, e => e.Code == XssCorpus.SanityCode && e.Detector == "alert");
            Assert.Contains(detector.Executions, e => e.Code == XssCorpus.SanityCode && e.Detector == "property");
            // The handler runs on load and once more when the detector fires it, as it fires every handler it finds.
            Assert.True(beacon.Executions.Count(c => c == XssCorpus.SanityCode) > before, $"the beacon missed the sanity page ({detector.Mode})");
            // The scan for handlers left in a page finds this one too; it is the sanity page's, not Herald's.
            Assert.Contains(detector.Latent, l => l.Detail.StartsWith("onerror:", StringComparison.Ordinal));
            detector.Latent.Clear();
        }
    }

    private static async Task SignInAsync(XssDetector detector)
    {
        var page = await detector.Context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(EditorEmail);
        await page.Locator("input[name='Form.Password']").FillAsync(XssInputs.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        await page.CloseAsync();
    }

    /// <summary>
    /// Both browsers at once. The browser with the policy bypassed, where only Herald's escaping and
    /// sanitizing stand between a payload and the page, loads every page. The content policy only
    /// ever blocks, so a payload that runs under it runs with it bypassed as well: no page needs the
    /// enforced browser to prove that nothing runs. What only it proves is that the policy breaks none
    /// of Herald's pages, and that is a property of a kind of page (one policy, the same scripts and
    /// the same ready signal on every page of a kind), so it loads the first page of every kind, and
    /// one in eight of the rest to see the configuration Herald ships with a spread of payloads in it.
    /// (It was one in four. Most of a load's cost is Chromium's navigation itself, a bare picture costing
    /// the browser nearly as much as an article page, and those extra loads proved again what the
    /// bypassed browser already proved.)
    /// </summary>
    private static Task VisitAsync(XssDetector[] detectors, IReadOnlyList<XssPage> pages)
    {
        // Each browser's pages spread evenly through one queue, so both are loading all through a phase.
        var visits = new List<(XssDetector Detector, XssPage Page, double At)>();
        foreach (var detector in detectors)
        {
            var own = detector.BypassCsp ? pages : Sample(pages);
            visits.AddRange(own.Select((page, index) => (detector, page, (index + 0.5) / own.Count)));
        }
        return XssDetector.VisitAsync([.. visits.OrderBy(v => v.At).Select(v => (v.Detector, v.Page))], Tabs);
    }

    /// <summary>Pages loading at once, both browsers together: as many as the two queues had at the start of a phase.</summary>
    private const int Tabs = 8;

    /// <summary>The first page of each kind (its label with the numbers and slugs taken out) and every eighth page.</summary>
    private static List<XssPage> Sample(IReadOnlyList<XssPage> pages)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        return pages.Where((page, index) => kinds.Add(PageKind().Replace(page.Label, "#")) || index % 8 == 0).ToList();
    }

    [GeneratedRegex(@"\S*\d\S*")]
    private static partial Regex PageKind();

    private async Task<List<XssPage>> NewsroomPagesAsync(HeraldTestServer server, XssInputs inputs, List<int> demoMedia)
    {
        const string preview = "[data-preview-body][data-rendered=true], [data-preview-body] .form-problem";
        var pages = new List<XssPage>();
        var imported = await QueryAsync(db => db.Articles.Where(a => a.Slug.StartsWith("wxr-xss-")).Select(a => a.Id).ToListAsync());
        var all = await QueryAsync(db => db.Articles.CountAsync());
        for (var page = 1; page <= ((all - 1) / 50) + 1; page++)
        {
            pages.Add(new XssPage($"newsroom article list {page}", $"/newsroom/articles?page={page}"));
        }
        pages.Add(new XssPage("newsroom review queue", "/newsroom/articles?status=submitted"));
        pages.AddRange(inputs.Stories.Select(s => new XssPage($"editor of story {s.Key}", $"/newsroom/articles/edit/{s.Value}", preview)));
        pages.AddRange(imported.Select(id => new XssPage($"editor of imported {id}", $"/newsroom/articles/edit/{id}", preview)));
        pages.Add(new XssPage("media library", "/newsroom/media"));
        var media = await QueryAsync(db => db.MediaItems.Select(m => m.Id).ToListAsync());
        pages.AddRange(media.Except(demoMedia).Select(id => new XssPage($"media item {id}", $"/newsroom/media/{id}")));
        pages.Add(new XssPage("newsroom tags", "/newsroom/tags"));
        pages.Add(new XssPage("newsroom sections", "/newsroom/categories"));
        return pages;
    }

    private async Task<List<XssPage>> ModerationPagesAsync(HeraldTestServer server, XssInputs inputs)
    {
        var pages = new List<XssPage>();
        foreach (var status in new[] { "pending", "spam", "approved" })
        {
            for (var page = 1; page <= (inputs.Comments.Count / 50) + 2; page++)
            {
                pages.Add(new XssPage($"comment queue {status} {page}", $"/newsroom/comments?status={status}&page={page}", ExpectedStatus: null));
            }
        }
        pages.AddRange(inputs.Comments.Select(id => new XssPage($"comment {id} in the newsroom", $"/newsroom/comments/{id}")));
        var stories = inputs.Stories.Values.ToList();
        pages.AddRange(stories.Select(id => new XssPage($"revisions of {id}", $"/newsroom/articles/{id}/revisions")));
        await Task.CompletedTask;
        return pages;
    }

    private async Task<List<XssPage>> PublicPagesAsync(HeraldTestServer server, XssInputs inputs, IReadOnlyList<XssPayload> payloads, string beacon)
    {
        var pages = new List<XssPage>();
        var zone = (await server.Services.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;
        var ids = inputs.Stories.Values.ToList();
        var articles = await QueryAsync(db => db.Articles.Where(a => ids.Contains(a.Id) || a.Slug.StartsWith("wxr-xss-"))
            .AsSplitQuery().Select(a => new
            {
                a.Id,
                a.Slug,
                a.PublishedAt,
                Tags = a.Tags.Select(t => t.Slug).ToList(),
                Categories = a.Categories.Select(c => c.Slug).ToList(),
                Authors = a.Authors.Select(b => b.Author.Slug).ToList(),
            }).ToListAsync());
        const string comments = "#comments[data-state=ready]";
        foreach (var article in articles)
        {
            var url = ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone);
            pages.Add(new XssPage($"article {article.Slug}", url, comments));
        }
        using var client = server.CreateClient();
        var archives = articles.SelectMany(a => a.Tags.Select(ArticleUrls.Tag).Concat(a.Categories.Select(ArticleUrls.Category)).Concat(a.Authors.Select(ArticleUrls.Author)))
            .Append("/").Append("/2024/03").Distinct().ToList();
        foreach (var archive in archives)
        {
            for (var page = 1; page < 40; page++)
            {
                var path = page == 1 ? archive : $"{archive}?page={page}";
                if (page > 1 && !(await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    break;
                }
                pages.Add(new XssPage($"archive {path}", path));
            }
        }
        pages.AddRange(payloads.Select(p => new XssPage($"search for payload {p.Number}",
            "/search?q=" + Uri.EscapeDataString(PlaceSearch(inputs, p, beacon)), ExpectedStatus: null)));
        pages.AddRange(inputs.Refusals.Select(r => new XssPage($"refusal {r.Path}", r.Path, ExpectedStatus: r.Status)));
        return pages;
    }

    private static string PlaceSearch(XssInputs inputs, XssPayload payload, string beacon)
    {
        inputs.Placed.Add(payload.Code(XssField.SearchQuery));
        return payload.For(XssField.SearchQuery, beacon);
    }

    /// <summary>Feeds and API lists fetched over HTTP and shown as their readers show them, forty sources a page.</summary>
    private async Task<List<XssPage>> ReaderPagesAsync(HeraldTestServer server, XssBeacon beacon)
    {
        using var client = server.CreateClient();
        var zone = (await server.Services.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;
        var articles = await QueryAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null)
            .AsSplitQuery().Select(a => new { a.Slug, a.PublishedAt, Tags = a.Tags.Select(t => t.Slug).ToList(), Categories = a.Categories.Select(c => c.Slug).ToList(), Authors = a.Authors.Select(b => b.Author.Slug).ToList() })
            .ToListAsync());
        var feeds = new List<string> { ArticleUrls.Feed, ArticleUrls.AtomFeed, ArticleUrls.CommentFeed };
        foreach (var article in articles.Where(a => a.Slug.StartsWith("wxr-xss-", StringComparison.Ordinal) || a.Tags.Count > 0))
        {
            feeds.Add(ArticleUrls.CommentFeedOf(ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone)));
        }
        feeds.AddRange(articles.SelectMany(a => a.Tags.Select(ArticleUrls.Tag).Concat(a.Categories.Select(ArticleUrls.Category)).Concat(a.Authors.Select(ArticleUrls.Author)))
            .Distinct().SelectMany(path => new[] { ArticleUrls.FeedOf(path), ArticleUrls.FeedOf(path, atom: true) }));

        var pages = new List<XssPage>();
        var html = new StringBuilder();
        var inPage = 0;
        void Flush(string what)
        {
            if (inPage > 0)
            {
                var url = beacon.AddPage($"/reader/{pages.Count}", XssReaders.Page(what, html));
                pages.Add(new XssPage($"{what} (reader page {pages.Count})", url));
                html.Clear();
                inPage = 0;
            }
        }
        foreach (var feed in feeds)
        {
            var response = await client.GetAsync(feed);
            Assert.True(response.IsSuccessStatusCode, $"{feed}: {response.StatusCode}");
            XssReaders.AppendFeed(html, await response.Content.ReadAsStringAsync());
            if (++inPage == 40)
            {
                Flush("feeds in a feed reader");
            }
        }
        Flush("feeds in a feed reader");
        foreach (var list in new[] { "posts", "comments", "media", "tags", "categories", "users" })
        {
            for (var page = 1; page < 20; page++)
            {
                var response = await client.GetAsync($"/wp-json/wp/v2/{list}?per_page=100&page={page}");
                if (!response.IsSuccessStatusCode)
                {
                    break;
                }
                var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                foreach (var item in items)
                {
                    XssReaders.AppendApiItem(html, item!);
                }
                Flush($"WordPress API {list} in a headless theme");
                if (items.Count < 100)
                {
                    break;
                }
            }
        }
        return pages;
    }

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = site.RequireServer().Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}