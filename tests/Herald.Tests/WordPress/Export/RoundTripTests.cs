using System.Globalization;
using System.Xml.Linq;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.Export;

/// <summary>
/// Herald → WXR → Herald through the stable command line only: export site A, import the file
/// into an empty database B, export B, and find the same site in both files and on both sites'
/// public pages.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class RoundTripTests(ExportedSiteFixture site) : IClassFixture<ExportedSiteFixture>
{
    [Fact]
    public async Task Importing_herald_s_own_export_into_an_empty_database_reproduces_the_site()
    {
        var siteA = site.RequireServer();
        using var folder = new TempFolder("herald-roundtrip");
        var databaseA = $"Data Source={siteA.Services.GetRequiredService<DatabaseConnection>().SqliteFile}";
        var databaseB = $"Data Source={Path.Combine(folder.Path, "b.db")}";
        var fileA = Path.Combine(folder.Path, "a.xml");
        var fileB = Path.Combine(folder.Path, "b.xml");

        await RunAsync("export", "wxr", fileA, "--site-url", ExportedSiteFixture.SiteUrl, "--db", databaseA);
        var import = await HeraldProcess.RunAsync("import", "wxr", fileA, "--db", databaseB);
        Assert.True(import.Exit == 0,
            $"herald import wxr failed (exit {import.Exit}); this test needs the importer from branch wp-import.\n{import.Errors}");
        await RunAsync("export", "wxr", fileB, "--site-url", ExportedSiteFixture.SiteUrl, "--db", databaseB);

        var a = WxrFile.Load(fileA);
        var b = WxrFile.Load(fileB);
        AssertSameTaxonomy(a, b);
        AssertSameArticles(a, b);

        await using var siteB = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(databaseB), demo: false);
        await AssertSamePublicPagesAsync(a, siteA, siteB);
    }

    private static void AssertSameTaxonomy(WxrFile a, WxrFile b)
    {
        Assert.Equal(Authors(a), Authors(b));
        Assert.Equal(Categories(a), Categories(b));
        Assert.Equal(Tags(a), Tags(b));
    }

    /// <summary>Collects every difference before failing, so one run shows all that a round trip loses.</summary>
    private static void AssertSameArticles(WxrFile a, WxrFile b)
    {
        var articlesA = a.Items.Where(i => i.Wp("post_type") != "attachment").ToList();
        Assert.Equal(articlesA.Select(i => i.Wp("post_name")).Order(), b.Items.Where(i => i.Wp("post_type") != "attachment").Select(i => i.Wp("post_name")).Order());
        var differences = new List<string>();
        void Compare(string slug, string what, object? before, object? after)
        {
            var x = before is IEnumerable<string> list ? string.Join(" / ", list) : before?.ToString();
            var y = after is IEnumerable<string> other ? string.Join(" / ", other) : after?.ToString();
            if (x != y)
            {
                differences.Add($"{slug}: {what} was «{x}», is «{y}»");
            }
        }
        foreach (var itemA in articlesA)
        {
            var slug = itemA.Wp("post_name");
            var itemB = b.BySlug(slug);
            foreach (var field in new[] { "post_type", "status", "post_date_gmt", "post_modified_gmt", "comment_status", "is_sticky", "post_password" })
            {
                Compare(slug, "wp:" + field, itemA.Wp(field), itemB.Wp(field));
            }
            Compare(slug, "title", itemA.Title, itemB.Title);
            Compare(slug, "dc:creator", itemA.Creator, itemB.Creator);
            Compare(slug, "content:encoded", itemA.Content, itemB.Content);
            Compare(slug, "excerpt:encoded", itemA.Excerpt, itemB.Excerpt);
            Compare(slug, "sections and tags", itemA.Terms.Order().Select(t => t.ToString()), itemB.Terms.Order().Select(t => t.ToString()));
            foreach (var key in new[] { "_herald_markdown", "_herald_dek", "_herald_authors", "_herald_primary_category" })
            {
                Compare(slug, key, itemA.MetaValue(key), itemB.MetaValue(key));
            }
            Compare(slug, "old slugs", OldSlugs(itemA), OldSlugs(itemB));
            Compare(slug, "featured image", FeaturedImage(a, itemA), FeaturedImage(b, itemB));
            Compare(slug, "comments", Comments(itemA), Comments(itemB));
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(40)));
    }

    /// <summary>Every published story's page on A and on B shows the same headline, dek, byline, body and picture caption.</summary>
    private static async Task AssertSamePublicPagesAsync(WxrFile a, HeraldTestServer siteA, HeraldTestServer siteB)
    {
        using var clientA = siteA.CreateClient();
        using var clientB = siteB.CreateClient();
        var published = a.Posts("post").Where(i => i.Wp("status") == "publish").Select(i => i.Wp("post_name")).ToList();
        Assert.NotEmpty(published);
        foreach (var slug in published)
        {
            var (responseA, pageA) = await clientA.GetPageAsync(await siteA.UrlOfAsync(slug));
            var (responseB, pageB) = await clientB.GetPageAsync(await siteB.UrlOfAsync(slug));
            Assert.True(responseA.IsSuccessStatusCode, $"{slug} on A: {responseA.StatusCode}");
            Assert.True(responseB.IsSuccessStatusCode, $"{slug} on B: {responseB.StatusCode}");
            foreach (var selector in new[] { "h1.headline", ".dek", ".byline", ".story-body", ".featured-image figcaption" })
            {
                Assert.True(pageA.QuerySelector(selector)?.InnerHtml == pageB.QuerySelector(selector)?.InnerHtml,
                    $"{slug}: {selector} differs between A and B");
            }
            // The picture's address may change (B serves it from where A did, or from its own copy); its words must not.
            Assert.Equal(pageA.QuerySelector(".featured-image img")?.GetAttribute("alt"), pageB.QuerySelector(".featured-image img")?.GetAttribute("alt"));
        }
    }

    private static async Task RunAsync(params string[] args)
    {
        var (exit, _, errors) = await HeraldProcess.RunAsync(args);
        Assert.True(exit == 0, $"herald {string.Join(' ', args)} failed: {errors}");
    }

    private static List<string> Authors(WxrFile file) => file.Channel.Elements(WxrFile.Wp + "author")
        .Select(a => $"{Wp(a, "author_login")}|{Wp(a, "author_display_name")}").Order().ToList();

    private static List<string> Categories(WxrFile file) => file.Channel.Elements(WxrFile.Wp + "category")
        .Select(c => $"{Wp(c, "category_nicename")}|{Wp(c, "cat_name")}|{Wp(c, "category_parent")}|{Wp(c, "category_description")}").Order().ToList();

    /// <summary>Only tags some article uses: an unused tag has nothing to carry it through an import.</summary>
    private static List<string> Tags(WxrFile file)
    {
        var used = file.Items.SelectMany(i => i.TermSlugs("post_tag")).ToHashSet();
        return file.Channel.Elements(WxrFile.Wp + "tag").Where(t => used.Contains(Wp(t, "tag_slug")))
            .Select(t => $"{Wp(t, "tag_slug")}|{Wp(t, "tag_name")}").Order().ToList();
    }

    private static List<string> OldSlugs(WxrItem item) => item.Meta.Where(m => m.Key == "_wp_old_slug").Select(m => m.Value).Order().ToList();

    private static string? FeaturedImage(WxrFile file, WxrItem item)
    {
        if (item.MetaValue("_thumbnail_id") is not { } id)
        {
            return null;
        }
        var attachment = file.Item(long.Parse(id, CultureInfo.InvariantCulture));
        return string.Join("|", attachment.Wp("attachment_url"), attachment.Excerpt,
            attachment.MetaValue("_wp_attachment_image_alt"), attachment.MetaValue("_herald_credit"));
    }

    /// <summary>Comments by content, with their parent's content standing in for the parent's id (ids differ between sites).</summary>
    private static List<string> Comments(WxrItem item)
    {
        var comments = item.Comments;
        var contentById = comments.ToDictionary(c => c["comment_id"], c => c["comment_content"]);
        return comments.Select(c => string.Join("|", c["comment_author"], c["comment_author_email"], c["comment_author_url"],
                c["comment_date_gmt"], c["comment_content"], c["comment_approved"], c["comment_type"],
                contentById.GetValueOrDefault(c["comment_parent"], "")))
            .Order().ToList();
    }

    private static string Wp(XElement element, string name) => element.Element(WxrFile.Wp + name)?.Value ?? "";
}