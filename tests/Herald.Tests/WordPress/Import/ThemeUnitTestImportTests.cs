using System.Net;
using System.Xml.Linq;
using Herald.Articles;
using Herald.Comments;
using Herald.Site;
using Herald.Site.Menus;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Import;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.Import;

/// <summary>WordPress's theme unit test export, imported and read back over real HTTP.</summary>
public sealed class ThemeUnitTestImportTests(ThemeUnitTestImport site) : IClassFixture<ThemeUnitTestImport>
{
    private static readonly XNamespace Wp = "https://wordpress.org/export/1.2/";

    /// <summary>The file's own items of a type, read with LINQ to XML (independently of the importer).</summary>
    private static List<XElement> ItemsOf(string type) => XDocument.Load(ThemeUnitTestImport.ExportFile)
        .Descendants("item").Where(i => (string?)i.Element(Wp + "post_type") == type).ToList();

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }

    [Fact]
    public async Task Every_post_page_attachment_and_comment_of_the_file_is_imported()
    {
        var posts = ItemsOf("post");
        var pages = ItemsOf("page");
        Assert.Equal(58, posts.Count);
        Assert.Equal(21, pages.Count);

        Assert.Equal(posts.Count, await QueryAsync(db => db.Articles.CountAsync(a => a.Kind == ArticleKind.Story)));
        Assert.Equal(pages.Count, await QueryAsync(db => db.Articles.CountAsync(a => a.Kind == ArticleKind.Page)));
        Assert.Equal(ItemsOf("attachment").Count, await QueryAsync(db => db.MediaItems.CountAsync(m => m.SourceUrl != null)));
        Assert.Equal(33, await QueryAsync(db => db.Comments.CountAsync()));
        Assert.Equal(2, await QueryAsync(db => db.Authors.CountAsync()));
        Assert.Equal(68, await QueryAsync(db => db.Categories.CountAsync()));
        // 110 declared in the head, and 4 more that items use without declaring (WordPress's importer creates those too).
        var file = XDocument.Load(ThemeUnitTestImport.ExportFile);
        var tags = file.Descendants(Wp + "tag_slug").Select(t => t.Value)
            .Union(posts.Concat(pages).Elements("category").Where(c => (string?)c.Attribute("domain") == "post_tag").Select(c => (string)c.Attribute("nicename")!))
            .Count();
        Assert.Equal(114, tags);
        Assert.Equal(tags, await QueryAsync(db => db.Tags.CountAsync()));
        // The 70 menu items are read as menus, not skipped.
        Assert.DoesNotContain("nav_menu_item", site.Report.Format(0));
    }

    [Fact]
    public async Task Menus_become_the_header_and_footer_menus_with_one_level_of_nesting_and_show_on_the_site()
    {
        var menus = await QueryAsync(db => db.Menus.AsNoTracking().Include(m => m.Items).ToListAsync());
        // The largest menu is the header; the one named "social" the footer; the other three are named in the report.
        var header = menus.Single(m => m.Location == MenuLocation.Header);
        Assert.Equal("Testing Menu", header.Name);
        Assert.Equal(23, header.Items.Count);
        Assert.Equal(["Pages", "Categories", "Depth", "Advanced", "Menu Description"],
            header.Items.Where(i => i.ParentId is null).OrderBy(i => i.Position).Select(i => i.Label));
        Assert.All(header.Items.Where(i => i.ParentId is not null), i => Assert.Null(header.Items.Single(p => p.Id == i.ParentId).ParentId));
        MenuItem Top(string label) => header.Items.Single(i => i.Label == label && i.ParentId is null);
        // Ten levels deep in WordPress, one level under "Depth" in Herald.
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"Level {n:D2}"),
            header.Items.Where(i => i.ParentId == Top("Depth").Id).OrderBy(i => i.Position).Select(i => i.Label));
        var categories = header.Items.Where(i => i.ParentId == Top("Categories").Id).ToList();
        Assert.Equal(3, categories.Count);
        Assert.All(categories, c => Assert.NotNull(c.CategoryId));
        var pages = header.Items.Where(i => i.ParentId == Top("Pages").Id).ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.NotNull(p.ArticleId));
        Assert.Null(Top("Pages").Url);
        Assert.Equal("https://wordpressfoundation.org/", header.Items.Single(i => i.Label == "New Window / Tab").Url);
        var footer = menus.Single(m => m.Location == MenuLocation.Footer);
        Assert.Equal("Social menu", footer.Name);
        Assert.Equal(["twitter.com", "facebook.com", "github.com", "linkedin.com", "instagram.com"], footer.Items.OrderBy(i => i.Position).Select(i => i.Label));
        Assert.Contains("Note: 3 menus without a place in Herald", site.Report.Format(0));

        using var client = site.Server.CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        // The menu replaces the navigation bar of every imported category.
        Assert.Null(home.QuerySelector("nav[aria-label=Sections]"));
        var nav = home.QuerySelector("nav.site-menu")!;
        Assert.Equal(["Pages", "Categories", "Depth", "Advanced", "Menu Description"], nav.QuerySelectorAll(":scope > ul > li > span, :scope > ul > li > a").Select(e => e.TextContent));
        var hrefs = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        var sectionSlugs = await QueryAsync(db => db.Categories.Where(c => categories.Select(i => i.CategoryId).Contains(c.Id)).Select(c => c.Slug).ToListAsync());
        Assert.All(sectionSlugs, slug => Assert.Contains($"/category/{slug}", hrefs));
        Assert.Contains("https://wordpressfoundation.org/", hrefs);
        foreach (var page in pages)
        {
            var slug = await QueryAsync(db => db.Articles.Where(a => a.Id == page.ArticleId).Select(a => a.Slug).SingleAsync());
            Assert.Contains($"/{slug}", hrefs);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{slug}")).StatusCode);
        }
        Assert.Contains("https://twitter.com/wordpress", home.QuerySelectorAll("footer nav.footer-menu a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Statuses_sticky_and_password_protection_follow_the_file()
    {
        var statuses = await QueryAsync(db => db.Articles.Where(a => a.Kind == ArticleKind.Story)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        // 56 published in WordPress, one of them password-protected: published here too, and locked.
        Assert.Equal(56, statuses[ArticleStatus.Published]);
        Assert.False(statuses.ContainsKey(ArticleStatus.Unpublished));
        Assert.Equal(1, statuses[ArticleStatus.Draft]);
        Assert.Equal(1, statuses[ArticleStatus.Scheduled]);
        Assert.Equal("template-sticky", Assert.Single(await QueryAsync(db => db.Articles.Where(a => a.IsSticky).Select(a => a.Slug).ToListAsync())));
        var protectedStory = Assert.Single(await QueryAsync(db => db.Articles.Where(a => a.Password != null).ToListAsync()));
        Assert.Equal(("template-password-protected", "enter", ArticleStatus.Published), (protectedStory.Slug, protectedStory.Password, protectedStory.Status));
        Assert.Contains("password-protected stories", site.Report.Format(0));
    }

    [Fact]
    public async Task The_password_protected_post_is_listed_locked_and_opens_with_its_password()
    {
        using var reader = NewsroomSession.Anonymous(site.Server);
        var url = await site.Server.UrlOfAsync("template-password-protected");

        var locked = Html.Parse(await reader.Client.GetStringAsync(url));
        Assert.NotNull(locked.QuerySelector("form.password-form"));
        Assert.Null(locked.QuerySelector(".story-body"));
        var unlock = await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = "enter" }));
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var open = Html.Parse(await reader.Client.GetStringAsync(url));
        Assert.Contains("This content, comments, pingbacks, and trackbacks should not be visible until the password is entered.", open.QuerySelector(".story-body")!.TextContent);

        // Listed as WordPress lists it: the API's total is the file's published posts, the protected one with them.
        var published = ItemsOf("post").Count(i => (string?)i.Element(Wp + "status") == "publish");
        Assert.Equal(56, published);
        using var client = site.Server.CreateClient();
        var response = await client.GetAsync("/wp-json/wp/v2/posts?per_page=100");
        Assert.Equal(published.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-WP-Total").Single());
        var posts = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var entry = posts.Single(p => (string?)p!["slug"] == "template-password-protected")!;
        Assert.True((bool)entry["content"]!["protected"]!);
        Assert.Equal("", (string?)entry["content"]!["rendered"]);
    }

    [Fact]
    public async Task Every_published_story_and_page_renders_over_http()
    {
        using var client = site.Server.CreateClient();
        var zone = await ZoneAsync();
        var published = await QueryAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new { a.Slug, a.Kind, a.PublishedAt, a.Headline }).ToListAsync());
        Assert.Equal(56 + 21, published.Count);
        foreach (var article in published)
        {
            var path = article.Kind == ArticleKind.Page ? "/" + article.Slug : ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone);
            var (response, page) = await client.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(article.Headline, page.QuerySelector("h1.headline")?.TextContent);
        }
    }

    [Fact]
    public async Task Threading_kinds_and_statuses_of_comments_are_kept()
    {
        var comments = await QueryAsync(db => db.Comments.AsNoTracking().ToListAsync());
        Assert.Equal(10, comments.Count(c => c.ParentId is not null));
        Assert.All(comments.Where(c => c.ParentId is not null), c => Assert.Equal(comments.Single(p => p.Id == c.ParentId).Depth + 1, c.Depth));
        Assert.True(comments.Max(c => c.Depth) >= 2, "the test file nests replies several levels deep");
        Assert.Equal(2, comments.Count(c => c.Kind == CommentKind.Pingback));
        Assert.Equal(2, comments.Count(c => c.Kind == CommentKind.Trackback));
        Assert.Equal(30, comments.Count(c => c.Status == ModerationStatus.Approved));
        Assert.Equal(3, comments.Count(c => c.Status == ModerationStatus.Pending));
        // Hashed as the reply form hashes: the same address gives the same key.
        var ring = await site.Server.Services.GetRequiredService<CommentKeys>().GetAsync();
        var withEmail = comments.First(c => c.AuthorEmail.Length > 0);
        Assert.Equal(ring.EmailHash(withEmail.AuthorEmail), withEmail.EmailHash);

        var counts = await QueryAsync(db => db.Articles.Where(a => a.CommentCount > 0).ToDictionaryAsync(a => a.Id, a => a.CommentCount));
        Assert.All(counts, pair => Assert.Equal(comments.Count(c => c.ArticleId == pair.Key && c.Status == ModerationStatus.Approved), pair.Value));

        using var client = site.Server.CreateClient();
        var (_, page) = await client.GetPageAsync(await site.Server.UrlOfAsync("template-comments"));
        Assert.NotEmpty(page.QuerySelectorAll(".comment .comment"));
    }

    [Fact]
    public async Task Special_cases_render_long_title_no_title_markup_unicode_captions_and_galleries()
    {
        using var client = site.Server.CreateClient();

        var (_, longTitle) = await client.GetPageAsync(await site.Server.UrlOfAsync("title-should-not-overflow-the-content-area"));
        Assert.StartsWith("Taumatawhakatangihanga", longTitle.QuerySelector("h1.headline")!.TextContent);

        var (_, noTitle) = await client.GetPageAsync(await site.Server.UrlOfAsync("edge-case-no-title"));
        Assert.Equal("(no title)", noTitle.QuerySelector("h1.headline")!.TextContent);

        var (_, markup) = await client.GetPageAsync(await site.Server.UrlOfAsync("markup-html-tags-and-formatting"));
        var body = markup.QuerySelector(".story-body")!;
        Assert.NotEmpty(body.QuerySelectorAll("blockquote"));
        Assert.NotEmpty(body.QuerySelectorAll("table"));
        Assert.Empty(body.QuerySelectorAll("script"));

        var (_, caption) = await client.GetPageAsync(await site.Server.UrlOfAsync("post-format-image-caption"));
        Assert.NotNull(caption.QuerySelector(".story-body figure figcaption"));
        Assert.DoesNotContain("[caption", caption.QuerySelector(".story-body")!.TextContent);

        var (_, gallery) = await client.GetPageAsync(await site.Server.UrlOfAsync("post-format-gallery"));
        Assert.NotEmpty(gallery.QuerySelectorAll(".story-body ul.gallery img"));
        Assert.DoesNotContain("[gallery", gallery.QuerySelector(".story-body")!.TextContent);

        var greek = await QueryAsync(db => db.Articles.SingleAsync(a => a.Headline == "Ελληνικά-Greek"));
        var (greekResponse, greekPage) = await client.GetPageAsync("/" + greek.Slug);
        Assert.Equal(HttpStatusCode.OK, greekResponse.StatusCode);
        Assert.Equal("Ελληνικά-Greek", greekPage.QuerySelector("h1.headline")!.TextContent);

        // Block-editor comments are gone from what readers get.
        var (_, blocks) = await client.GetPageAsync(await site.Server.UrlOfAsync("wp-6-1-font-size-scale"));
        Assert.DoesNotContain("wp:paragraph", blocks.QuerySelector(".story-body")!.InnerHtml);
    }

    [Fact]
    public async Task Old_permalinks_answer_301_to_the_new_addresses()
    {
        using var client = site.Server.CreateClient();
        var zone = await ZoneAsync();
        var items = ItemsOf("post").Concat(ItemsOf("page"))
            .Where(i => (string?)i.Element(Wp + "status") == "publish" && ((string?)i.Element(Wp + "post_password") ?? "").Length == 0)
            .ToList();
        var map = await QueryAsync(db => db.ImportedItems.Where(i => i.Kind == "post").ToDictionaryAsync(i => i.ExternalId, i => i.HeraldId));
        var articles = await QueryAsync(db => db.Articles.ToDictionaryAsync(a => a.Id));
        foreach (var item in items)
        {
            var article = articles[map[long.Parse((string)item.Element(Wp + "post_id")!)]];
            var expected = article.Kind == ArticleKind.Page ? "/" + article.Slug : ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone);
            // One link in the file has a doubled slash (//greek/...); a browser would send it as one path.
            var link = "/" + new Uri((string)item.Element("link")!).PathAndQuery.TrimStart('/');
            if (link.TrimEnd('/') != expected)
            {
                await AssertRedirectAsync(client, link, expected);
            }
            await AssertRedirectAsync(client, $"/?p={(string)item.Element(Wp + "post_id")!}", expected);
        }
        await AssertRedirectAsync(client, "/?page_id=2", "/about");
    }

    [Fact]
    public async Task Standing_pages_live_at_their_slug_and_leave_herald_routes_alone()
    {
        using var client = site.Server.CreateClient();
        var (about, page) = await client.GetPageAsync("/about");
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Equal("About The Tests", page.QuerySelector("h1.headline")!.TextContent);
        // Comments under a page are shown as under a story.
        var (_, withComments) = await client.GetPageAsync("/page-with-comments");
        Assert.NotEmpty(withComments.QuerySelectorAll(".comment"));

        // A dated address with a page's slug sends the reader to the page.
        await AssertRedirectAsync(client, "/2020/01/about", "/about");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=tests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page-anywhere")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Not_A_Slug")).StatusCode);
    }

    [Fact]
    public async Task Analysis_phase_put_every_published_story_in_the_related_index()
    {
        // The password-protected one too: analysed like any story, its findings kept off every page it is not on.
        Assert.Equal(56, site.Report.AnalysedStories);
        Assert.Equal(56, await QueryAsync(db => db.IndexedArticles.CountAsync()));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var before = await CountsAsync();
        var again = await site.ImportAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, again.ImportedCount("posts"));
        Assert.Equal(58, again.AlreadyCount("posts"));
        Assert.Equal(21, again.AlreadyCount("pages"));
        Assert.Equal(37, again.AlreadyCount("attachments"));
    }

    private Task<(int, int, int, int, int, int, int)> CountsAsync() => QueryAsync(async db => (
        await db.Articles.CountAsync(), await db.Comments.CountAsync(), await db.MediaItems.CountAsync(), await db.Categories.CountAsync(),
        await db.Tags.CountAsync(), await db.LegacyRedirects.CountAsync(), await db.ImportedItems.CountAsync()));

    private async Task<TimeZoneInfo> ZoneAsync() => (await site.Server.Services.GetRequiredService<SiteState>().GetAsync()).Settings.TimeZone;

    private static async Task AssertRedirectAsync(HttpClient client, string from, string to)
    {
        var response = await client.GetAsync(from);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from} answered {(int)response.StatusCode}, not 301");
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }
}