using System.Net;
using Herald.Accounts;
using Herald.Site.Menus;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Site;

/// <summary>The header and footer menus edited at /newsroom/menus and drawn on the public site.</summary>
public sealed class MenuEditingTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task An_editor_builds_a_header_menu_the_public_site_shows_in_place_of_the_sections_and_empties_it_again()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "menu-editor@example.org", Roles.Editor);
        using var reader = Server.CreateClient();
        var before = await reader.GetPageAsync("/");
        Assert.NotNull(before.Document.QuerySelector("nav[aria-label=Sections]"));
        var section = await QueryAsync(db => db.Categories.OrderBy(c => c.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(editor, MenuLocation.Header, "Our section", $"section:{section.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(editor, MenuLocation.Header, "About us", "url", "/about")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(editor, MenuLocation.Header, "Partner paper", "url", "https://partner.example/news")).StatusCode);
        var about = await QueryAsync(db => db.MenuItems.SingleAsync(i => i.Label == "About us"));
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(editor, MenuLocation.Header, "Team", "url", "/about/team", parent: about.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(editor, MenuLocation.Footer, "Contact", "url", "/contact")).StatusCode);

        // The cached home page was evicted: the menu shows at once, the section list is gone.
        var (_, home) = await reader.GetPageAsync("/");
        Assert.Null(home.QuerySelector("nav[aria-label=Sections]"));
        var links = home.QuerySelectorAll("nav.site-menu > ul > li > a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Our section", $"/category/{section.Slug}"), ("About us", "/about"), ("Partner paper", "https://partner.example/news")], links);
        Assert.Equal("/about/team", home.QuerySelector("nav.site-menu li:nth-child(2) ul.submenu a")!.GetAttribute("href"));
        Assert.Equal("/contact", home.QuerySelector("footer nav.footer-menu a")!.GetAttribute("href"));

        // Moved: "Partner paper" up one, before "About us".
        var partner = await QueryAsync(db => db.MenuItems.SingleAsync(i => i.Label == "Partner paper"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/menus?handler=Move&id={partner.Id}&direction=up", [], "/newsroom/menus")).StatusCode);
        // Renamed through its row's form.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/newsroom/menus?handler=Save", new()
        {
            ["Form.Id"] = about.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Label"] = "Who we are",
            ["Form.Target"] = "url",
            ["Form.Url"] = "/about",
        }, "/newsroom/menus")).StatusCode);
        var (_, moved) = await reader.GetPageAsync("/");
        Assert.Equal(["Our section", "Partner paper", "Who we are"], moved.QuerySelectorAll("nav.site-menu > ul > li > a").Select(a => a.TextContent));

        // The newsroom page shows what is stored.
        var (_, page) = await editor.Client.GetPageAsync("/newsroom/menus");
        Assert.Contains(page.QuerySelectorAll("#menu-header input[name='Form.Label']"), i => i.GetAttribute("value") == "Who we are");

        // Removing every item brings the section list back; the item under a removed one moves up, then goes too.
        foreach (var id in await QueryAsync(db => db.MenuItems.Select(i => i.Id).ToListAsync()))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/menus?handler=Delete&id={id}", [], "/newsroom/menus")).StatusCode);
        }
        var (_, after) = await reader.GetPageAsync("/");
        Assert.NotNull(after.QuerySelector("nav[aria-label=Sections]"));
        Assert.Null(after.QuerySelector("footer nav"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/path")]
    [InlineData("ftp://files.example/a")]
    [InlineData("about page")]
    public async Task A_link_that_is_not_http_or_on_this_site_is_refused_with_a_reason_and_the_words_typed_kept(string url)
    {
        using var editor = await NewsroomSession.SignInAsync(Server, $"menu-refusal-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var count = await QueryAsync(db => db.MenuItems.CountAsync());

        var response = await AddAsync(editor, MenuLocation.Footer, "Tell us what you think", "url", url);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("cannot be a menu link", page);
        Assert.Contains("starts with / for a page of this site", page);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Equal("Tell us what you think", document.QuerySelector("#add-footer-label")!.GetAttribute("value"));
        Assert.Equal(url, document.QuerySelector("#add-footer-url")!.GetAttribute("value"));
        Assert.Equal(count, await QueryAsync(db => db.MenuItems.CountAsync()));
    }

    [Fact]
    public async Task A_label_too_long_an_empty_address_and_a_missing_label_are_refused_with_their_reasons()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "menu-limits@example.org", Roles.Editor);

        var longLabel = await AddAsync(editor, MenuLocation.Header, new string('x', MenuLimits.Label + 1), "url", "/x");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longLabel.StatusCode);
        Assert.Contains("at most 100 characters", await longLabel.Content.ReadAsStringAsync());

        var noAddress = await AddAsync(editor, MenuLocation.Header, "Somewhere", "url", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAddress.StatusCode);
        Assert.Contains("Enter the address", await noAddress.Content.ReadAsStringAsync());

        var noLabel = await AddAsync(editor, MenuLocation.Header, "", "url", "/x");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noLabel.StatusCode);
        Assert.Contains("needs a label", await noLabel.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authors_cannot_open_or_change_the_menus()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "menu-author@example.org", Roles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/newsroom/menus")).StatusCode);
    }

    private static Task<HttpResponseMessage> AddAsync(NewsroomSession session, MenuLocation location, string label, string target, string url = "", int? parent = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Id"] = "0",
            ["Form.Location"] = location.ToString(),
            ["Form.Label"] = label,
            ["Form.Target"] = target,
            ["Form.Url"] = url,
        };
        if (parent is { } p)
        {
            fields["Form.ParentId"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return session.PostFormAsync("/newsroom/menus?handler=Save", fields, "/newsroom/menus");
    }

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}