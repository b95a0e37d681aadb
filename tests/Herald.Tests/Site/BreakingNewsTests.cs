using System.Net;
using Herald.Accounts;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Site;

/// <summary>
/// The breaking-news banner over real HTTP with the output cache on: a page cached before the
/// banner was raised shows it at once, and loses it at once when it is cleared, expires or its
/// story leaves the site. The site runs on a fake clock the expiry test moves forward.
/// </summary>
public sealed class BreakingNewsTests(BreakingNewsTests.CachedSite fixture) : IClassFixture<BreakingNewsTests.CachedSite>
{
    public sealed class CachedSite : SqliteSiteFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    private const string Desk = "/newsroom/breaking";

    [Fact]
    public async Task A_raised_banner_shows_on_a_page_cached_before_and_clearing_takes_it_off()
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var (breaking, breakingUrl) = await StoryAsync(server, "Bridge closed after barge strike");
        var (_, pageUrl) = await StoryAsync(server, "Council passes budget");
        using var reader = server.CreateClient();
        Assert.Null(await BannerAsync(reader, pageUrl));
        await CachedAsync(server, reader, pageUrl);
        using var editor = await NewsroomSession.SignInAsync(server, "desk-editor@example.org", Roles.Editor);

        var raise = await RaiseAsync(editor, breaking, "0");

        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);
        var banner = await BannerAsync(reader, pageUrl);
        Assert.NotNull(banner);
        Assert.Equal("Breaking: Bridge closed after barge strike", Squeeze(banner.TextContent));
        Assert.Equal(breakingUrl, banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("region", banner.GetAttribute("role"));
        Assert.Equal("Breaking news", banner.GetAttribute("aria-label"));
        Assert.Null(banner.GetAttribute("aria-live"));
        // The page was evicted, not merely the banner added: it shows what changed behind the cache too.
        Assert.Contains("(edited)", (await reader.GetPageAsync(pageUrl)).Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await BannerAsync(reader, "/"));

        var clear = await editor.PostFormAsync(Desk + "?handler=clear", new(), formPage: Desk);

        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
        Assert.Null(await BannerAsync(reader, pageUrl));
        Assert.Null(await BannerAsync(reader, "/"));
    }

    [Fact]
    public async Task A_new_banner_replaces_the_old_one_and_says_so()
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var (first, _) = await StoryAsync(server, "Storm warning for the coast");
        var (second, _) = await StoryAsync(server, "Storm reaches the harbour");
        using var editor = await NewsroomSession.SignInAsync(server, "desk-editor@example.org", Roles.Editor);
        using var reader = server.CreateClient();
        await RaiseAsync(editor, first, "3");

        var (_, confirm) = await editor.Client.GetPageAsync($"{Desk}?article={second}");
        Assert.Contains("It replaces the banner for “Storm warning for the coast”", confirm.Body!.TextContent, StringComparison.Ordinal);
        await RaiseAsync(editor, second, "3");
        var (_, desk) = await editor.Client.GetPageAsync(Desk);

        Assert.Contains("It replaced \"Storm warning for the coast\"", desk.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Breaking: Storm reaches the harbour", Squeeze((await BannerAsync(reader, "/"))!.TextContent));
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().BreakingNews.CountAsync());
        await editor.PostFormAsync(Desk + "?handler=clear", new(), formPage: Desk);
    }

    [Fact]
    public async Task An_expired_banner_leaves_every_cached_page_without_anyone_clearing_it()
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var (breaking, _) = await StoryAsync(server, "Polls close in the mayoral race");
        var (_, pageUrl) = await StoryAsync(server, "Library extends its hours");
        using var editor = await NewsroomSession.SignInAsync(server, "desk-editor@example.org", Roles.Editor);
        using var reader = server.CreateClient();
        await RaiseAsync(editor, breaking, "1");
        Assert.NotNull(await BannerAsync(reader, pageUrl));
        await CachedAsync(server, reader, pageUrl);

        fixture.Clock.Advance(TimeSpan.FromMinutes(61));

        // The expiry service looks once a second; the cached page (which carried the banner) must go.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await BannerAsync(reader, pageUrl) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        var (_, page) = await reader.GetPageAsync(pageUrl);
        Assert.Null(page.QuerySelector(".breaking-news"));
        Assert.Contains("(edited)", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().BreakingNews.AnyAsync());
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Contributor)]
    public async Task Only_editors_and_administrators_raise_the_banner(string role)
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var (story, _) = await StoryAsync(server, $"Story an {role} wants on every page");
        using var person = await NewsroomSession.SignInAsync(server, $"desk-{role.ToLowerInvariant()}@example.org", role);

        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync($"{Desk}?article={story}")).StatusCode);
        var raise = await person.PostFormAsync(Desk + "?handler=raise", new() { ["article"] = $"{story}", ["Expiry"] = "1" }, formPage: "/newsroom");

        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
        using var reader = server.CreateClient();
        Assert.Null(await BannerAsync(reader, "/"));
    }

    [Fact]
    public async Task Unpublishing_the_story_takes_its_banner_down()
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var (breaking, _) = await StoryAsync(server, "Airport shut by fog");
        var (_, pageUrl) = await StoryAsync(server, "Harbour festival programme");
        using var editor = await NewsroomSession.SignInAsync(server, "desk-editor@example.org", Roles.Editor);
        using var reader = server.CreateClient();
        await RaiseAsync(editor, breaking, "24");
        Assert.NotNull(await BannerAsync(reader, pageUrl));

        var unpublish = await editor.EditAsync(server, breaking, "Airport shut by fog", "Flights resume.", "unpublish", ("confirm", "unpublish"));

        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Null(await BannerAsync(reader, pageUrl));
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().BreakingNews.AnyAsync());
    }

    [Fact]
    public async Task A_story_readers_cannot_open_or_an_unknown_expiry_is_refused_with_a_reason()
    {
        var server = fixture.RequireServer();
        await NoBannerAsync(server);
        var draft = await TestArticles.AddAsync(server, "Draft nobody has read", "Not yet.", status: Herald.Articles.ArticleStatus.Draft);
        var (story, _) = await StoryAsync(server, "Tram line opens");
        using var editor = await NewsroomSession.SignInAsync(server, "desk-editor@example.org", Roles.Editor);

        var refused = await RaiseAsync(editor, draft.Id, "1");
        var badExpiry = await RaiseAsync(editor, story, "7");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("is not published", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badExpiry.StatusCode);
        Assert.Contains("Choose how long the banner stays", await badExpiry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reader = server.CreateClient();
        Assert.Null(await BannerAsync(reader, "/"));
    }

    /// <summary>Each test starts with no banner, whatever the one before it left.</summary>
    private static async Task NoBannerAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Herald.Site.Breaking.BreakingNewsDesk>().ClearAsync(CancellationToken.None);
    }

    private static Task<HttpResponseMessage> RaiseAsync(NewsroomSession editor, int article, string expiry) =>
        editor.PostFormAsync(Desk + "?handler=raise", new() { ["article"] = $"{article}", ["Expiry"] = expiry }, formPage: Desk);

    private static async Task<(int Id, string Url)> StoryAsync(HeraldTestServer server, string headline)
    {
        var article = await TestArticles.AddAsync(server, headline, "What happened, and when.");
        return (article.Id, await server.UrlOfAsync(article.Slug));
    }

    /// <summary>
    /// Proves the page is served from the cache: its headline changes in the database behind the
    /// site's back (no journal row), and the page still shows the old one. Any later eviction shows the new one.
    /// </summary>
    private static async Task CachedAsync(HeraldTestServer server, HttpClient reader, string url)
    {
        // A page is not stored while a write this process just made is newer than its journal position.
        await Task.Delay(JournalFollower.PollInterval * 3);
        var (_, before) = await reader.GetPageAsync(url);
        var headline = before.QuerySelector("h1")!.TextContent.Trim();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var slug = url.Split('/').Last();
            await db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, headline + " (edited)"));
        }
        var (_, after) = await reader.GetPageAsync(url);
        Assert.Equal(headline, after.QuerySelector("h1")!.TextContent.Trim());
    }

    private static async Task<AngleSharp.Dom.IElement?> BannerAsync(HttpClient reader, string url)
    {
        var (response, page) = await reader.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector(".breaking-news");
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}