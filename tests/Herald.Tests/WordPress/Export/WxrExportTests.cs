using System.Globalization;
using System.Text.RegularExpressions;
using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.Export;

/// <summary>A seeded site exported to a real file, read back and checked field by field against the database.</summary>
public sealed partial class WxrExportTests(ExportedSiteFixture site) : IClassFixture<ExportedSiteFixture>
{
    private WxrFile Wxr => site.File;

    [Fact]
    public void The_channel_describes_the_site_under_WordPress_namespaces()
    {
        var root = Wxr.Document.Root!;
        Assert.Equal("rss", root.Name.LocalName);
        Assert.Equal("2.0", (string?)root.Attribute("version"));
        Assert.Equal("http://wordpress.org/export/1.2/", root.GetNamespaceOfPrefix("wp")?.NamespaceName);
        Assert.Equal("http://wordpress.org/export/1.2/excerpt/", root.GetNamespaceOfPrefix("excerpt")?.NamespaceName);
        Assert.Equal("http://purl.org/rss/1.0/modules/content/", root.GetNamespaceOfPrefix("content")?.NamespaceName);
        Assert.Equal("http://wellformedweb.org/CommentAPI/", root.GetNamespaceOfPrefix("wfw")?.NamespaceName);
        Assert.Equal("http://purl.org/dc/elements/1.1/", root.GetNamespaceOfPrefix("dc")?.NamespaceName);

        var channel = Wxr.Channel;
        Assert.Equal("The Harbour Herald", channel.Element("title")!.Value);
        Assert.Equal(ExportedSiteFixture.SiteUrl, channel.Element("link")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
        Assert.Equal("en", channel.Element("language")!.Value);
        Assert.True(DateTime.TryParseExact(channel.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _));
        Assert.Equal("1.2", channel.Element(WxrFile.Wp + "wxr_version")!.Value);
        Assert.Equal(ExportedSiteFixture.SiteUrl, channel.Element(WxrFile.Wp + "base_site_url")!.Value);
        Assert.Equal(ExportedSiteFixture.SiteUrl, channel.Element(WxrFile.Wp + "base_blog_url")!.Value);
    }

    [Fact]
    public async Task Authors_categories_and_tags_match_the_database()
    {
        await using var scope = site.RequireServer().Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();

        var authors = Wxr.Channel.Elements(WxrFile.Wp + "author").ToDictionary(a => a.Element(WxrFile.Wp + "author_login")!.Value);
        var dbAuthors = await db.Authors.AsNoTracking().ToListAsync();
        Assert.Equal(dbAuthors.Count, authors.Count);
        foreach (var author in dbAuthors)
        {
            var element = authors[author.Slug];
            Assert.Equal(author.Id.ToString(CultureInfo.InvariantCulture), element.Element(WxrFile.Wp + "author_id")!.Value);
            Assert.Equal(author.Name, element.Element(WxrFile.Wp + "author_display_name")!.Value);
            var expectedEmail = author.UserId is null ? "" : ExportScenario.AuthorEmail;
            Assert.Equal(expectedEmail, element.Element(WxrFile.Wp + "author_email")!.Value);
        }
        Assert.Contains(authors.Values, a => a.Element(WxrFile.Wp + "author_email")!.Value == ExportScenario.AuthorEmail);

        var categories = Wxr.Channel.Elements(WxrFile.Wp + "category").ToList();
        var dbCategories = await db.Categories.AsNoTracking().Include(c => c.Parent).ToListAsync();
        Assert.Equal(dbCategories.Count, categories.Count);
        foreach (var category in dbCategories)
        {
            var element = categories.Single(c => c.Element(WxrFile.Wp + "category_nicename")!.Value == category.Slug);
            Assert.Equal(category.Id.ToString(CultureInfo.InvariantCulture), element.Element(WxrFile.Wp + "term_id")!.Value);
            Assert.Equal(category.Name, element.Element(WxrFile.Wp + "cat_name")!.Value);
            Assert.Equal(category.Parent?.Slug ?? "", element.Element(WxrFile.Wp + "category_parent")!.Value);
            Assert.Equal(category.Description ?? "", element.Element(WxrFile.Wp + "category_description")?.Value ?? "");
        }
        Assert.Contains(categories, c => c.Element(WxrFile.Wp + "category_parent")!.Value == "politics");

        var tags = Wxr.Channel.Elements(WxrFile.Wp + "tag").ToDictionary(t => t.Element(WxrFile.Wp + "tag_slug")!.Value);
        var dbTags = await db.Tags.AsNoTracking().ToListAsync();
        Assert.Equal(dbTags.Count, tags.Count);
        Assert.All(dbTags, t => Assert.Equal(t.Name, tags[t.Slug].Element(WxrFile.Wp + "tag_name")!.Value));
        Assert.Equal("Tromsø", tags["tromso"].Element(WxrFile.Wp + "tag_name")!.Value);
    }

    [Fact]
    public async Task Every_article_is_one_item_whose_fields_match_the_database()
    {
        await using var scope = site.RequireServer().Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var zone = (await db.SiteSettings.AsNoTracking().SingleAsync()).TimeZone;
        var articles = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Authors).ThenInclude(b => b.Author).Include(a => a.Categories).Include(a => a.Tags)
            .Include(a => a.PrimaryCategory).Include(a => a.OldSlugs).ToListAsync();
        var commentCounts = await db.Comments.GroupBy(c => c.ArticleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        var items = Wxr.Items.Where(i => i.Wp("post_type") is "post" or "page").ToList();
        Assert.Equal(articles.Count, items.Count);
        Assert.True(articles.Count > 40, "the demo site and the scenario should give more than 40 articles");
        foreach (var article in articles)
        {
            var item = Wxr.Item(article.Id);
            var date = article.PublishedAt ?? article.CreatedAt;
            Assert.Equal(article.Headline, item.Title);
            Assert.Equal(article.Slug, item.Wp("post_name"));
            Assert.Equal(article.Kind == ArticleKind.Page ? "page" : "post", item.Wp("post_type"));
            Assert.Equal(article.Authors.OrderBy(b => b.Position).First().Author.Slug, item.Creator);
            Assert.Equal(article.BodyFormat == BodyFormat.Html ? article.BodySource : article.BodyHtml, item.Content);
            Assert.Equal(article.BodyFormat == BodyFormat.Markdown ? article.BodySource : null, item.MetaValue("_herald_markdown"));
            Assert.Equal(article.Excerpt ?? "", item.Excerpt);
            Assert.Equal(string.IsNullOrEmpty(article.Dek) ? null : article.Dek, item.MetaValue("_herald_dek"));
            Assert.Equal(article.PrimaryCategory?.Slug, item.MetaValue("_herald_primary_category"));
            Assert.Equal(Local(date, zone), item.Wp("post_date"));
            Assert.Equal(article.PublishedAt is { } p ? Gmt(p) : "0000-00-00 00:00:00", item.Wp("post_date_gmt"));
            Assert.Equal(Gmt(article.UpdatedAt ?? date), item.Wp("post_modified_gmt"));
            Assert.Equal(article.CommentStatus == CommentStatus.Open ? "open" : "closed", item.Wp("comment_status"));
            Assert.Equal(article.IsSticky ? "1" : "0", item.Wp("is_sticky"));
            Assert.Equal(article.Password ?? "", item.Wp("post_password"));
            Assert.Equal("0", item.Wp("post_parent"));
            Assert.Equal($"{ExportedSiteFixture.SiteUrl}/?p={article.Id}", item.Plain("guid"));
            Assert.Equal("false", (string?)item.Element.Element("guid")!.Attribute("isPermaLink"));
            Assert.Equal(article.Categories.Select(c => c.Slug).Order(), item.TermSlugs("category"));
            Assert.Equal(article.Tags.Select(t => t.Slug).Order(), item.TermSlugs("post_tag"));
            Assert.Equal(article.OldSlugs.Select(o => o.Slug).Order(), item.Meta.Where(m => m.Key == "_wp_old_slug").Select(m => m.Value).Order());
            Assert.Equal(commentCounts.GetValueOrDefault(article.Id), item.Comments.Count);
            if (article.Kind == ArticleKind.Story && article.PublishedAt is { } published)
            {
                Assert.Equal(ExportedSiteFixture.SiteUrl + ArticleUrls.For(published, article.Slug, zone), item.Plain("link"));
                Assert.Equal(published.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture), item.Plain("pubDate"));
            }
        }
    }

    [Fact]
    public void The_feature_story_carries_its_bylines_dek_sections_and_old_slug()
    {
        var item = Wxr.Item(site.Ids.Feature);

        Assert.Equal("Harbour bridge reopens — «endelig» for 東京 visitors", item.Title);
        Assert.Equal("publish", item.Wp("status"));
        Assert.Equal("2025-03-04 22:30:00", item.Wp("post_date_gmt"));
        Assert.Equal("2025-03-04 23:30:00", item.Wp("post_date")); // Europe/Oslo in winter
        Assert.Equal("2025-03-05 03:30:00", item.Wp("post_modified_gmt"));
        Assert.Equal($"{ExportedSiteFixture.SiteUrl}/2025/03/{ExportScenario.FeatureSlug}", item.Plain("link"));
        var bylines = item.MetaValue("_herald_authors")!.Split(',');
        Assert.Equal(2, bylines.Length);
        Assert.Equal(bylines[0], item.Creator);
        Assert.Equal("Two years, two bylines & one <bridge>.", item.MetaValue("_herald_dek"));
        Assert.Equal("city-council", item.MetaValue("_herald_primary_category"));
        Assert.Equal("bridge-to-reopen", item.MetaValue("_wp_old_slug"));
        Assert.Contains(("category", "city-council", "City council"), item.Terms);
        Assert.Contains(("post_tag", "tromso", "Tromsø"), item.Terms);
    }

    [Fact]
    public void The_featured_library_picture_is_an_attachment_named_by_thumbnail_id()
    {
        var story = Wxr.Item(site.Ids.Feature);
        var thumbnailId = long.Parse(story.MetaValue("_thumbnail_id")!, CultureInfo.InvariantCulture);
        Assert.Equal(1_000_000_000L + site.Ids.Media, thumbnailId);

        var attachment = Wxr.Item(thumbnailId);
        Assert.Equal("attachment", attachment.Wp("post_type"));
        Assert.Equal("inherit", attachment.Wp("status"));
        Assert.Equal(site.Ids.Feature.ToString(CultureInfo.InvariantCulture), attachment.Wp("post_parent"));
        Assert.Equal($"{ExportedSiteFixture.SiteUrl}/media/2025/03/bridge-at-dawn.jpg", attachment.Wp("attachment_url"));
        Assert.Equal(attachment.Wp("attachment_url"), attachment.Plain("guid"));
        Assert.Equal("bridge-at-dawn", attachment.Title);
        Assert.Equal("The first cars cross at 06:00.", attachment.Excerpt);
        Assert.Equal("The bridge at dawn, lit from below", attachment.MetaValue("_wp_attachment_image_alt"));
        Assert.Equal("Photo: Kari Nordmann", attachment.MetaValue("_herald_credit"));
        Assert.Equal("2025-03-04 19:30:00", attachment.Wp("post_date_gmt"));
        // The uploader's account is behind a byline, so the attachment names that login.
        var login = Wxr.Channel.Elements(WxrFile.Wp + "author")
            .Single(a => a.Element(WxrFile.Wp + "author_email")!.Value == ExportScenario.AuthorEmail)
            .Element(WxrFile.Wp + "author_login")!.Value;
        Assert.Equal(login, attachment.Creator);

        // A reader of the file meets the picture before the story that shows it.
        Assert.True(IndexOf(attachment) < IndexOf(story));
    }

    [Fact]
    public async Task Featured_images_outside_the_library_become_attachments_of_their_article()
    {
        await using var scope = site.RequireServer().Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var illustrated = await db.Articles.AsNoTracking().Where(a => a.FeaturedImage != null && a.FeaturedImage.MediaItemId == null).ToListAsync();
        Assert.NotEmpty(illustrated);

        foreach (var article in illustrated)
        {
            var story = Wxr.Item(article.Id);
            var attachment = Wxr.Item(long.Parse(story.MetaValue("_thumbnail_id")!, CultureInfo.InvariantCulture));
            Assert.Equal(2_000_000_000L + article.Id, attachment.PostId);
            Assert.Equal(article.Id.ToString(CultureInfo.InvariantCulture), attachment.Wp("post_parent"));
            Assert.EndsWith(article.FeaturedImage!.Url, attachment.Wp("attachment_url"));
            Assert.StartsWith("http", attachment.Wp("attachment_url"));
            Assert.Equal(article.FeaturedImage.Alt, attachment.MetaValue("_wp_attachment_image_alt"));
            Assert.Equal(article.FeaturedImage.Caption ?? "", attachment.Excerpt);
            Assert.Equal(article.FeaturedImage.Credit, attachment.MetaValue("_herald_credit"));
        }
        Assert.Equal(illustrated.Count + 1, Wxr.Posts("attachment").Count());
    }

    [Fact]
    public void Comments_keep_their_threading_state_kind_and_authors()
    {
        var comments = Wxr.Item(site.Ids.Feature).Comments.ToDictionary(c => int.Parse(c["comment_id"], CultureInfo.InvariantCulture));
        Assert.Equal(5, comments.Count);
        var ids = site.Ids;

        Assert.Equal("0", comments[ids.TopComment]["comment_parent"]);
        Assert.Equal(ids.TopComment.ToString(CultureInfo.InvariantCulture), comments[ids.Reply]["comment_parent"]);
        Assert.Equal(ids.Reply.ToString(CultureInfo.InvariantCulture), comments[ids.PendingReply]["comment_parent"]);
        Assert.Equal("1", comments[ids.TopComment]["comment_approved"]);
        Assert.Equal("0", comments[ids.PendingReply]["comment_approved"]);
        Assert.Equal("spam", comments[ids.Spam]["comment_approved"]);
        Assert.Equal("comment", comments[ids.TopComment]["comment_type"]);
        Assert.Equal("pingback", comments[ids.Pingback]["comment_type"]);
        Assert.Equal("https://blog.example/bridge", comments[ids.Pingback]["comment_author_url"]);
        Assert.Equal("Reader Two", comments[ids.Reply]["comment_author"]);
        Assert.Equal("two@example.org", comments[ids.Reply]["comment_author_email"]);
        Assert.Equal("Agreed — «fantastisk».", comments[ids.Reply]["comment_content"]);
        Assert.Equal("Finally! Worth the ]]> wait.", comments[ids.TopComment]["comment_content"]);
        Assert.Equal("2025-03-04 23:30:00", comments[ids.TopComment]["comment_date_gmt"]);
        Assert.Equal("2025-03-05 00:30:00", comments[ids.TopComment]["comment_date"]);
        // Parents come before their replies, as WordPress's importer needs to re-link them.
        var order = Wxr.Item(site.Ids.Feature).Comments.Select(c => c["comment_id"]).ToList();
        Assert.True(order.IndexOf(ids.TopComment.ToString(CultureInfo.InvariantCulture)) < order.IndexOf(ids.Reply.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Text_with_a_CDATA_end_and_any_unicode_survives_exactly()
    {
        var feature = Wxr.Item(site.Ids.Feature);
        Assert.Equal(ExportScenario.FeatureMarkdown, feature.MetaValue("_herald_markdown"));
        var html = Wxr.Item(site.Ids.HtmlStory);
        Assert.Equal(ExportScenario.HtmlBody, html.Content);
        Assert.Null(html.MetaValue("_herald_markdown"));

        // Split as WordPress splits it: the first section ends after "]]", the next starts with ">".
        Assert.Contains("]]]]><![CDATA[>", Wxr.Text, StringComparison.Ordinal);
        Assert.Contains("東京", Wxr.Text, StringComparison.Ordinal);
        Assert.Contains("🎉", Wxr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_sticky_story_draft_and_html_story_map_to_WordPress_fields()
    {
        var page = Wxr.Item(site.Ids.Page);
        Assert.Equal("page", page.Wp("post_type"));
        Assert.Equal("closed", page.Wp("comment_status"));
        Assert.Equal($"{ExportedSiteFixture.SiteUrl}/about-us", page.Plain("link"));
        Assert.Contains("<strong>small</strong>", page.Content);

        Assert.Equal("1", Wxr.Item(site.Ids.Sticky).Wp("is_sticky"));

        var draft = Wxr.Item(site.Ids.Draft);
        Assert.Equal("draft", draft.Wp("status"));
        Assert.Equal("0000-00-00 00:00:00", draft.Wp("post_date_gmt"));
        Assert.Equal("2025-01-02 04:04:05", draft.Wp("post_date"));
        Assert.Equal($"{ExportedSiteFixture.SiteUrl}/?p={site.Ids.Draft}", draft.Plain("link"));

        Assert.Equal("publish", Wxr.Item(site.Ids.HtmlStory).Wp("status"));
        // A reader password goes back as WordPress keeps it, CDATA end and all.
        Assert.Equal(ExportScenario.StoryPassword, Wxr.Item(site.Ids.HtmlStory).Wp("post_password"));
        Assert.Equal("", Wxr.Item(site.Ids.Sticky).Wp("post_password"));
    }

    /// <summary>
    /// WordPress's importer falls back to a line-by-line reader when PHP lacks its XML
    /// extensions; that reader needs WordPress's own layout.
    /// </summary>
    [Fact]
    public void The_layout_suits_every_parser_of_WordPress_s_importer()
    {
        var lines = Wxr.Text.Split('\n');
        Assert.Single(lines, l => VersionLine().IsMatch(l));
        Assert.Single(lines, l => l.Trim() == $"<wp:base_site_url>{ExportedSiteFixture.SiteUrl}</wp:base_site_url>");
        foreach (var entry in new[] { "wp:author", "wp:category", "wp:tag" })
        {
            var opening = lines.Where(l => l.Contains($"<{entry}>", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(opening);
            Assert.All(opening, l => Assert.Contains($"</{entry}>", l, StringComparison.Ordinal));
        }
        Assert.Equal(Wxr.Items.Count, lines.Count(l => l.Trim() == "<item>"));
        Assert.Equal(Wxr.Items.Count, lines.Count(l => l.Trim() == "</item>"));

        // Categories parents first, so the importer finds each parent when it creates the child.
        var nicenames = Wxr.Channel.Elements(WxrFile.Wp + "category").Select(c => c.Element(WxrFile.Wp + "category_nicename")!.Value).ToList();
        foreach (var category in Wxr.Channel.Elements(WxrFile.Wp + "category"))
        {
            var parent = category.Element(WxrFile.Wp + "category_parent")!.Value;
            if (parent.Length > 0)
            {
                Assert.True(nicenames.IndexOf(parent) < nicenames.IndexOf(category.Element(WxrFile.Wp + "category_nicename")!.Value));
            }
        }

        // Every item has the fields WordPress reads, every login and term it names is declared above.
        var logins = Wxr.Channel.Elements(WxrFile.Wp + "author").Select(a => a.Element(WxrFile.Wp + "author_login")!.Value).ToHashSet();
        var tags = Wxr.Channel.Elements(WxrFile.Wp + "tag").Select(t => t.Element(WxrFile.Wp + "tag_slug")!.Value).ToHashSet();
        string[] fields = ["post_id", "post_date", "post_date_gmt", "comment_status", "ping_status", "post_name", "status",
            "post_parent", "menu_order", "post_type", "post_password", "is_sticky"];
        foreach (var item in Wxr.Items)
        {
            Assert.All(fields, f => Assert.NotNull(item.Element.Element(WxrFile.Wp + f)));
            Assert.NotNull(item.Element.Element("guid"));
            Assert.NotNull(item.Element.Element(WxrFile.Content + "encoded"));
            Assert.NotNull(item.Element.Element(WxrFile.Excerpt + "encoded"));
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", item.Wp("post_date"));
            Assert.True(item.Creator.Length == 0 || logins.Contains(item.Creator), $"{item.Creator} is not a declared author");
            Assert.All(item.Terms, t => Assert.True(t.Domain == "category" ? nicenames.Contains(t.Nicename) : t.Domain == "post_tag" && tags.Contains(t.Nicename)));
            if (item.Wp("post_type") == "attachment")
            {
                Assert.StartsWith("http", item.Wp("attachment_url"));
            }
        }
        Assert.Equal(Wxr.Items.Count, Wxr.Items.Select(i => i.PostId).Distinct().Count());
    }

    [Fact]
    public void The_summary_counts_what_the_file_holds()
    {
        var summary = site.Summary;
        Assert.Equal(Wxr.Posts("post").Count(), summary.Stories);
        Assert.Equal(Wxr.Posts("page").Count(), summary.Pages);
        Assert.Equal(Wxr.Posts("attachment").Count(), summary.Attachments);
        Assert.Equal(Wxr.Items.Sum(i => i.Comments.Count), summary.Comments);
        Assert.Equal(Wxr.Channel.Elements(WxrFile.Wp + "author").Count(), summary.Authors);
        Assert.Equal(Wxr.Channel.Elements(WxrFile.Wp + "category").Count(), summary.Categories);
        Assert.Equal(Wxr.Channel.Elements(WxrFile.Wp + "tag").Count(), summary.Tags);
        Assert.Equal(new FileInfo(site.ExportPath).Length, summary.Bytes);
        Assert.False(File.Exists(site.ExportPath + ".tmp"));
    }

    private int IndexOf(WxrItem item) => Wxr.Channel.Elements("item").ToList().IndexOf(item.Element);

    private static string Gmt(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone) => Gmt(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    [GeneratedRegex(@"^\s*<wp:wxr_version>\d+\.\d+</wp:wxr_version>$")]
    private static partial Regex VersionLine();
}