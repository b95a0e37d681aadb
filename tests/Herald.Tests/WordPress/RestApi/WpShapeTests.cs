using System.Net;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// Every route's JSON shape and field names, what must never be public (drafts, pending
/// comments, e-mail addresses), _fields and _embed — on both databases.
/// </summary>
public abstract class WpShapeTests(IWpSite site)
{
    private static readonly string[] PostFields =
    [
        "id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status", "type", "link", "title", "content", "excerpt",
        "author", "featured_media", "comment_status", "ping_status", "sticky", "template", "format", "meta", "categories", "tags", "_links",
    ];

    private static readonly string[] PageFields =
    [
        "id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status", "type", "link", "title", "content", "excerpt",
        "author", "featured_media", "parent", "menu_order", "comment_status", "ping_status", "template", "meta", "_links",
    ];

    private HeraldTestServer Server => site.RequireServer();

    [SkippableFact]
    public async Task A_post_has_wordpress_fields_dates_and_links()
    {
        var seed = await site.SeedAsync();
        var post = await WpApi.OneAsync(Server, $"posts/{seed.StoryId}");
        var stored = await LoadAsync(seed.StoryId);

        Assert.Equal(PostFields, WpApi.Keys(post));
        Assert.Equal(seed.StoryId, (int)post["id"]!);
        Assert.Equal("publish", (string?)post["status"]);
        Assert.Equal("post", (string?)post["type"]);
        Assert.Equal(stored.PublishedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), (string?)post["date_gmt"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", (string?)post["date"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", (string?)post["modified_gmt"]);
        Assert.Equal(new Uri(Server.Address, await Server.UrlOfAsync(stored.Slug)).ToString(), (string?)post["link"]);
        Assert.Equal("Keepers of the northern lighthouses &amp; their lamps", (string?)post["title"]!["rendered"]);
        Assert.Contains("<p>", (string?)post["content"]!["rendered"]);
        Assert.False((bool)post["content"]!["protected"]!);
        Assert.False((bool)post["excerpt"]!["protected"]!);
        Assert.StartsWith("<p>", (string?)post["excerpt"]!["rendered"]);
        Assert.Equal(stored.Authors.OrderBy(b => b.Position).First().AuthorId, (int)post["author"]!);
        Assert.Equal(seed.MediaId, (int)post["featured_media"]!);
        Assert.Equal("open", (string?)post["comment_status"]);
        Assert.False((bool)post["sticky"]!);
        Assert.Equal("standard", (string?)post["format"]);
        Assert.Contains(seed.CategoryId, post["categories"]!.AsArray().Select(c => (int)c!));
        Assert.Equal([seed.TagId], post["tags"]!.AsArray().Select(c => (int)c!));

        var links = post["_links"]!;
        var root = new Uri(Server.Address, WpApi.Root).ToString();
        Assert.Equal($"{root}posts/{seed.StoryId}", (string?)links["self"]![0]!["href"]);
        Assert.Equal($"{root}posts", (string?)links["collection"]![0]!["href"]);
        Assert.Equal($"{root}types/post", (string?)links["about"]![0]!["href"]);
        Assert.True((bool)links["author"]![0]!["embeddable"]!);
        Assert.Equal($"{root}comments?post={seed.StoryId}", (string?)links["replies"]![0]!["href"]);
        Assert.Equal($"{root}media/{seed.MediaId}", (string?)links["wp:featuredmedia"]![0]!["href"]);
        Assert.Equal($"{root}media?parent={seed.StoryId}", (string?)links["wp:attachment"]![0]!["href"]);
        Assert.Equal(["category", "post_tag"], links["wp:term"]!.AsArray().Select(t => (string?)t!["taxonomy"]));
        Assert.Equal("wp", (string?)links["curies"]![0]!["name"]);
    }

    [SkippableFact]
    public async Task A_page_has_the_page_fields_and_lives_only_under_pages()
    {
        var seed = await site.SeedAsync();
        var page = await WpApi.OneAsync(Server, $"pages/{seed.PageId}");

        Assert.Equal(PageFields, WpApi.Keys(page));
        Assert.Equal("page", (string?)page["type"]);
        Assert.Equal(0, (int)page["parent"]!);
        Assert.Equal(new Uri(Server.Address, "/about-the-lighthouse-desk").ToString(), (string?)page["link"]);
        Assert.Contains(seed.PageId, WpApi.Ids(await WpApi.ListAsync(Server, "pages")));
        Assert.DoesNotContain(seed.PageId, WpApi.Ids(await WpApi.ListAsync(Server, "posts?per_page=100")));
        await WpApi.ErrorAsync(Server, $"posts/{seed.PageId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
        await WpApi.ErrorAsync(Server, $"pages/{seed.StoryId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
    }

    [SkippableFact]
    public async Task Drafts_scheduled_work_and_what_hangs_under_them_are_never_public()
    {
        var seed = await site.SeedAsync();
        var all = new List<int>();
        for (var page = 1; ; page++)
        {
            var (response, json, _) = await WpApi.GetAsync(Server, $"posts?per_page=100&page={page}");
            all.AddRange(WpApi.Ids(json.AsArray()));
            if (page >= int.Parse(response.Headers.GetValues("X-WP-TotalPages").Single(), System.Globalization.CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        Assert.Equal(await PublishedStoryCountAsync(), all.Count);
        Assert.DoesNotContain(seed.DraftId, all);
        Assert.DoesNotContain(seed.ScheduledId, all);
        Assert.Empty(await WpApi.ListAsync(Server, "posts?search=zebrafish"));
        Assert.Empty(await WpApi.ListAsync(Server, "search?search=zebrafish"));
        Assert.DoesNotContain(seed.DraftPageId, WpApi.Ids(await WpApi.ListAsync(Server, "pages")));
        await WpApi.ErrorAsync(Server, $"posts/{seed.DraftId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
        await WpApi.ErrorAsync(Server, $"posts/{seed.ScheduledId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
        await WpApi.ErrorAsync(Server, $"pages/{seed.DraftPageId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
        await WpApi.ErrorAsync(Server, $"comments/{seed.DraftCommentId}", HttpStatusCode.NotFound, "rest_comment_invalid_id");
        await WpApi.ErrorAsync(Server, $"media/{seed.HiddenMediaId}", HttpStatusCode.NotFound, "rest_post_invalid_id");
        Assert.DoesNotContain(seed.HiddenMediaId, WpApi.Ids(await WpApi.ListAsync(Server, "media?per_page=100")));
    }

    [SkippableFact]
    public async Task Comments_are_approved_only_with_wordpress_fields_and_threading()
    {
        var seed = await site.SeedAsync();
        var comments = await WpApi.ListAsync(Server, $"comments?post={seed.StoryId}&order=asc");

        Assert.Equal([seed.ApprovedCommentId, seed.ReplyId], WpApi.Ids(comments));
        var first = comments[0]!;
        Assert.Equal(
            ["id", "post", "parent", "author", "author_name", "author_url", "date", "date_gmt", "content", "link", "status", "type", "author_avatar_urls", "meta", "_links"],
            WpApi.Keys(first));
        Assert.Equal(seed.StoryId, (int)first["post"]!);
        Assert.Equal(0, (int)first["parent"]!);
        Assert.Equal(seed.ApprovedCommentId, (int)comments[1]!["parent"]!);
        Assert.Equal("Ines Reader", (string?)first["author_name"]);
        Assert.Equal("approved", (string?)first["status"]);
        Assert.Equal("comment", (string?)first["type"]);
        Assert.Equal("<p>A fine piece.</p>\n<p>Second paragraph &lt;b&gt;not bold&lt;/b&gt;.</p>\n", (string?)first["content"]!["rendered"]);
        Assert.EndsWith($"#comment-{seed.ApprovedCommentId}", (string?)first["link"]);
        Assert.EndsWith("/comments/avatar/0123456789abcdef01234567.svg", (string?)first["author_avatar_urls"]!["48"]);
        Assert.EndsWith($"posts/{seed.StoryId}", (string?)first["_links"]!["up"]![0]!["href"]);
        Assert.EndsWith($"comments/{seed.ApprovedCommentId}", (string?)comments[1]!["_links"]!["in-reply-to"]![0]!["href"]);

        Assert.Equal([seed.ApprovedCommentId], WpApi.Ids(await WpApi.ListAsync(Server, $"comments?post={seed.StoryId}&parent=0")));
        Assert.Equal([seed.ReplyId], WpApi.Ids(await WpApi.ListAsync(Server, $"comments?parent={seed.ApprovedCommentId}")));
        Assert.DoesNotContain(seed.PendingCommentId, WpApi.Ids(await WpApi.ListAsync(Server, "comments?per_page=100")));
        Assert.Empty(await WpApi.ListAsync(Server, "comments?search=lighthouses"));
        await WpApi.ErrorAsync(Server, $"comments/{seed.PendingCommentId}", HttpStatusCode.NotFound, "rest_comment_invalid_id");
        Assert.Equal(seed.ReplyId, (int)(await WpApi.OneAsync(Server, $"comments/{seed.ReplyId}"))["id"]!);
    }

    [SkippableFact]
    public async Task No_answer_anywhere_carries_an_email_address()
    {
        var seed = await site.SeedAsync();
        string[] routes =
        [
            "/wp-json/", "/wp-json/wp/v2", $"posts?_embed&include={seed.StoryId}", $"posts/{seed.StoryId}?_embed", "comments?per_page=100",
            $"comments/{seed.ApprovedCommentId}", "users?per_page=100", "media?per_page=100", "search?search=lighthouse", "categories", "tags?per_page=100",
        ];
        foreach (var route in routes)
        {
            var (response, _, raw) = await WpApi.GetAsync(Server, route);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(WpSeed.Email, raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hash-of-the-address", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("\"email\"", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(WpSeed.PendingBody, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(WpSeed.DraftHeadline, raw, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Users_are_public_bylines_with_published_work_only()
    {
        var seed = await site.SeedAsync();
        var users = await WpApi.ListAsync(Server, "users?per_page=100");
        var stored = await LoadAsync(seed.StoryId);
        var authorId = stored.Authors.First().AuthorId;

        Assert.Contains(authorId, WpApi.Ids(users));
        Assert.DoesNotContain(seed.SilentAuthorId, WpApi.Ids(users));
        var user = await WpApi.OneAsync(Server, $"users/{authorId}");
        Assert.Equal(["id", "name", "url", "description", "link", "slug", "avatar_urls", "meta", "_links"], WpApi.Keys(user));
        Assert.Equal(["24", "48", "96"], WpApi.Keys(user["avatar_urls"]));
        Assert.StartsWith(Server.Address.ToString().TrimEnd('/') + "/comments/avatar/", (string?)user["avatar_urls"]!["96"]);
        Assert.EndsWith($"/author/{user["slug"]}", (string?)user["link"]);
        await WpApi.ErrorAsync(Server, $"users/{seed.SilentAuthorId}", HttpStatusCode.Unauthorized, "rest_user_cannot_view");
        Assert.Equal([authorId], WpApi.Ids(await WpApi.ListAsync(Server, $"users?slug={user["slug"]}")));
    }

    [SkippableFact]
    public async Task Media_has_source_url_sizes_from_the_srcset_and_its_post()
    {
        var seed = await site.SeedAsync();
        var media = await WpApi.OneAsync(Server, $"media/{seed.MediaId}");

        Assert.Equal("attachment", (string?)media["type"]);
        Assert.Equal("inherit", (string?)media["status"]);
        Assert.Equal("image", (string?)media["media_type"]);
        Assert.Equal("image/jpeg", (string?)media["mime_type"]);
        Assert.Equal(new Uri(Server.Address, "/media/2026/01/harbour-lights-1600.jpg").ToString(), (string?)media["source_url"]);
        Assert.Equal("Alt text of harbour-lights.jpg", (string?)media["alt_text"]);
        Assert.Equal("<p>Caption of harbour-lights.jpg &amp; more</p>\n", (string?)media["caption"]!["rendered"]);
        Assert.Equal(seed.StoryId, (int)media["post"]!);
        var details = media["media_details"]!;
        Assert.Equal(1600, (int)details["width"]!);
        Assert.Equal(900, (int)details["height"]!);
        var sizes = details["sizes"]!;
        Assert.Equal(["thumbnail", "w800", "full"], WpApi.Keys(sizes));
        Assert.Equal(480, (int)sizes["thumbnail"]!["width"]!);
        Assert.Equal(270, (int)sizes["thumbnail"]!["height"]!);
        Assert.EndsWith("/media/2026/01/harbour-lights-800.jpg", (string?)sizes["w800"]!["source_url"]);

        Assert.Equal([seed.MediaId], WpApi.Ids(await WpApi.ListAsync(Server, $"media?parent={seed.StoryId}")));
        Assert.Contains(seed.LooseMediaId, WpApi.Ids(await WpApi.ListAsync(Server, "media?parent=0")));
    }

    [SkippableFact]
    public async Task Categories_and_tags_have_the_term_shape_counts_and_filters()
    {
        var seed = await site.SeedAsync();
        var category = await WpApi.OneAsync(Server, $"categories/{seed.CategoryId}");
        Assert.Equal(["id", "count", "description", "link", "name", "slug", "taxonomy", "parent", "meta", "_links"], WpApi.Keys(category));
        Assert.Equal("category", (string?)category["taxonomy"]);
        Assert.True((int)category["count"]! >= 2);

        var tags = await WpApi.ListAsync(Server, "tags?slug=lighthouses");
        var tag = Assert.Single(tags)!;
        Assert.Equal(["id", "count", "description", "link", "name", "slug", "taxonomy", "meta", "_links"], WpApi.Keys(tag));
        Assert.Equal("post_tag", (string?)tag["taxonomy"]);
        Assert.Equal(2, (int)tag["count"]!); // the story and the sticky one; the draft and the scheduled story do not count
        Assert.EndsWith("/tag/lighthouses", (string?)tag["link"]);

        Assert.Equal([seed.TagId], WpApi.Ids(await WpApi.ListAsync(Server, $"tags?post={seed.StoryId}")));
        Assert.Equal([seed.CategoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"categories?post={seed.StoryId}")));
        var named = await WpApi.ListAsync(Server, "categories?per_page=100");
        Assert.Equal(named.Select(c => (string?)c!["name"]).Order(StringComparer.Ordinal), named.Select(c => (string?)c!["name"]));
        Assert.All(await WpApi.ListAsync(Server, "tags?per_page=100&hide_empty=true"), t => Assert.True((int)t!["count"]! > 0));
        Assert.All(await WpApi.ListAsync(Server, "categories?parent=0"), c => Assert.Equal(0, (int)c!["parent"]!));
        Assert.Single(await WpApi.ListAsync(Server, "tags?search=lighthou"));
    }

    [SkippableFact]
    public async Task Search_route_has_wordpress_result_shape_and_finds_pages_too()
    {
        var seed = await site.SeedAsync();
        var results = await WpApi.ListAsync(Server, "search?search=lighthouse&per_page=100");

        Assert.Contains(seed.StoryId, WpApi.Ids(results));
        Assert.Contains(seed.PageId, WpApi.Ids(results));
        var page = results.Single(r => (int)r!["id"]! == seed.PageId)!;
        Assert.Equal(["id", "title", "url", "type", "subtype", "_links"], WpApi.Keys(page));
        Assert.Equal("post", (string?)page["type"]);
        Assert.Equal("page", (string?)page["subtype"]);
        Assert.Equal("About the lighthouse desk", (string?)page["title"]);
        Assert.EndsWith($"pages/{seed.PageId}", (string?)page["_links"]!["self"]![0]!["href"]);
        Assert.DoesNotContain(seed.PageId, WpApi.Ids(await WpApi.ListAsync(Server, "search?search=lighthouse&subtype=post&per_page=100")));
    }

    [SkippableFact]
    public async Task Pagination_headers_and_links_follow_wordpress()
    {
        await site.SeedAsync();
        var total = await PublishedStoryCountAsync();
        var (response, json, _) = await WpApi.GetAsync(Server, "posts?per_page=5&page=2&orderby=id");

        Assert.Equal(5, json.AsArray().Count);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-WP-Total").Single());
        var pages = (total + 4) / 5;
        Assert.Equal(pages.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-WP-TotalPages").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("per_page=5&orderby=id&page=1>; rel=\"prev\"", link);
        Assert.Contains("per_page=5&orderby=id&page=3>; rel=\"next\"", link);
        Assert.StartsWith("<" + new Uri(Server.Address, "/wp-json/wp/v2/posts?").ToString(), link);

        var (last, _, _) = await WpApi.GetAsync(Server, $"posts?per_page=5&page={pages}");
        Assert.DoesNotContain("rel=\"next\"", last.Headers.GetValues("Link").Single());
        var (first, _, _) = await WpApi.GetAsync(Server, "posts?per_page=5");
        Assert.DoesNotContain("rel=\"prev\"", first.Headers.GetValues("Link").Single());
        var (empty, emptyJson, _) = await WpApi.GetAsync(Server, "posts?search=qqqqxyzzy");
        Assert.Empty(emptyJson.AsArray());
        Assert.Equal("0", empty.Headers.GetValues("X-WP-Total").Single());
    }

    [SkippableFact]
    public async Task Post_list_parameters_filter_and_order_as_wordpress_does()
    {
        var seed = await site.SeedAsync();
        var stored = await LoadAsync(seed.StoryId);
        var authorId = stored.Authors.First().AuthorId;

        Assert.Equal([seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, "posts?search=northern%20lamps")));
        Assert.Equal([seed.StickyId], WpApi.Ids(await WpApi.ListAsync(Server, "posts?sticky=true")));
        Assert.DoesNotContain(seed.StickyId, WpApi.Ids(await WpApi.ListAsync(Server, "posts?sticky=false&per_page=100")));
        Assert.Equal([seed.StoryId, seed.StickyId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?tags={seed.TagId}&orderby=id&order=asc")));
        Assert.Equal([seed.StickyId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?tags[]={seed.TagId}&exclude={seed.StoryId}")));
        Assert.Equal([seed.StickyId, seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?include={seed.StoryId},{seed.StickyId}&orderby=id&order=desc")));
        Assert.Equal([seed.StickyId, seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?include={seed.StickyId},{seed.StoryId}&orderby=include")));
        Assert.Equal([seed.StoryId, seed.StickyId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?include={seed.StoryId},{seed.StickyId}&orderby=include")));
        Assert.Equal([seed.StickyId, seed.StoryId],
            WpApi.Ids(await WpApi.ListAsync(Server, $"posts?slug=a-sticky-notice-about-lighthouse-tours,{stored.Slug}&orderby=include_slugs")));
        Assert.Equal([seed.StickyId, seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?tags={seed.TagId}&orderby=title&order=asc")));
        Assert.Equal([seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?tags={seed.TagId}&orderby=title&order=asc&offset=1")));
        Assert.Contains(seed.StoryId, WpApi.Ids(await WpApi.ListAsync(Server, $"posts?categories={seed.CategoryId}&per_page=100")));
        Assert.DoesNotContain(seed.StoryId, WpApi.Ids(await WpApi.ListAsync(Server, $"posts?categories_exclude={seed.CategoryId}&per_page=100")));
        Assert.DoesNotContain(seed.StoryId, WpApi.Ids(await WpApi.ListAsync(Server, $"posts?tags_exclude={seed.TagId}&per_page=100")));
        // Herald's stories may have several bylines; "author" is the first, the filter matches any.
        var byAuthor = await WpApi.ListAsync(Server, $"posts?author={authorId}&per_page=100");
        Assert.Contains(seed.StoryId, WpApi.Ids(byAuthor));
        Assert.All(byAuthor, p =>
            Assert.Contains(p!["_links"]!["author"]!.AsArray(), link => ((string?)link!["href"])!.EndsWith($"users/{authorId}", StringComparison.Ordinal)));
        Assert.DoesNotContain(seed.StoryId, WpApi.Ids(await WpApi.ListAsync(Server, $"posts?author_exclude={authorId}&per_page=100")));

        var published = stored.PublishedAt!.Value;
        var after = Uri.EscapeDataString(published.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        var before = Uri.EscapeDataString(published.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([seed.StoryId], WpApi.Ids(await WpApi.ListAsync(Server, $"posts?after={after}&before={before}&exclude={seed.StickyId}")));

        var byDate = await WpApi.ListAsync(Server, "posts?per_page=20");
        var dates = byDate.Select(p => (string?)p!["date_gmt"]).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var ascending = await WpApi.ListAsync(Server, "posts?per_page=20&order=asc");
        var ascendingDates = ascending.Select(p => (string?)p!["date_gmt"]).ToList();
        Assert.Equal(ascendingDates.Order(StringComparer.Ordinal), ascendingDates);

        // Relevance reorders the same matches that a date-ordered search finds.
        var relevant = WpApi.Ids(await WpApi.ListAsync(Server, "posts?search=lighthouse&orderby=relevance&per_page=100"));
        var dated = WpApi.Ids(await WpApi.ListAsync(Server, "posts?search=lighthouse&per_page=100"));
        Assert.Equal(dated.Order(), relevant.Order());
        Assert.Contains(seed.StoryId, relevant);
        Assert.DoesNotContain(seed.PageId, relevant);
        Assert.Equal(seed.PageId, WpApi.Ids(await WpApi.ListAsync(Server, "pages?search=desk&parent=0"))[0]);
        Assert.Empty(await WpApi.ListAsync(Server, "pages?parent=5"));
    }

    [SkippableFact]
    public async Task Fields_keeps_only_the_named_fields_nested_ones_included()
    {
        var seed = await site.SeedAsync();
        var post = await WpApi.OneAsync(Server, $"posts/{seed.StoryId}?_fields=id,title.rendered,guid");
        Assert.Equal(["id", "title", "guid"], WpApi.Keys(post));
        Assert.Equal(["rendered"], WpApi.Keys(post["title"]));

        var list = await WpApi.ListAsync(Server, "posts?_fields=id,_links&per_page=3");
        Assert.All(list, p => Assert.Equal(["id", "_links"], WpApi.Keys(p)));
        var terms = await WpApi.ListAsync(Server, "categories?_fields[]=name&_fields[]=slug");
        Assert.All(terms, t => Assert.Equal(["name", "slug"], WpApi.Keys(t)));
        var embedOnlyWhenAsked = await WpApi.OneAsync(Server, $"posts/{seed.StoryId}?_embed&_fields=id");
        Assert.Equal(["id"], WpApi.Keys(embedOnlyWhenAsked));
    }

    [SkippableFact]
    public async Task Embed_puts_authors_media_terms_and_replies_under_embedded()
    {
        var seed = await site.SeedAsync();
        var stored = await LoadAsync(seed.StoryId);
        var post = await WpApi.OneAsync(Server, $"posts/{seed.StoryId}?_embed");
        var embedded = post["_embedded"]!;

        Assert.Equal(stored.Authors.First().AuthorId, (int)embedded["author"]![0]!["id"]!);
        Assert.NotNull(embedded["author"]![0]!["avatar_urls"]);
        Assert.Equal(seed.MediaId, (int)embedded["wp:featuredmedia"]![0]!["id"]!);
        Assert.Contains(seed.CategoryId, WpApi.Ids(embedded["wp:term"]![0]!.AsArray()));
        Assert.Equal([seed.TagId], WpApi.Ids(embedded["wp:term"]![1]!.AsArray()));
        // WordPress embeds terms in its "embed" context: no count, description, parent or meta.
        Assert.Equal(["id", "link", "name", "slug", "taxonomy", "_links"], WpApi.Keys(embedded["wp:term"]![1]![0]));
        Assert.Equal([seed.ReplyId, seed.ApprovedCommentId], WpApi.Ids(embedded["replies"]![0]!.AsArray()));

        var onlyAuthors = await WpApi.OneAsync(Server, $"posts/{seed.StoryId}?_embed=author");
        Assert.Equal(["author"], WpApi.Keys(onlyAuthors["_embedded"]));
        var list = await WpApi.ListAsync(Server, "posts?_embed&per_page=10");
        Assert.All(list, p => Assert.NotNull(p!["_embedded"]!["author"]));
        Assert.Null((await WpApi.OneAsync(Server, $"posts/{seed.StoryId}"))["_embedded"]);
    }

    [SkippableFact]
    public async Task The_index_lists_the_namespace_and_its_routes_for_discovering_clients()
    {
        var index = await WpApi.OneAsync(Server, "/wp-json/");
        Assert.Equal("The Harbour Herald", (string?)index["name"]);
        Assert.Equal(["wp/v2"], index["namespaces"]!.AsArray().Select(n => (string?)n));
        var routes = WpApi.Keys(index["routes"]);
        foreach (var route in new[] { "/wp/v2", "/wp/v2/posts", "/wp/v2/posts/(?P<id>[\\d]+)", "/wp/v2/pages", "/wp/v2/categories", "/wp/v2/tags", "/wp/v2/users", "/wp/v2/comments", "/wp/v2/media", "/wp/v2/search" })
        {
            Assert.Contains(route, routes);
        }
        Assert.Contains("per_page", WpApi.Keys(index["routes"]!["/wp/v2/posts"]!["endpoints"]![0]!["args"]));

        var v2 = await WpApi.OneAsync(Server, "/wp-json/wp/v2");
        Assert.Equal("wp/v2", (string?)v2["namespace"]);
        Assert.Contains("/wp/v2/media", WpApi.Keys(v2["routes"]));
        var type = await WpApi.OneAsync(Server, "types/post");
        Assert.Equal("posts", (string?)type["rest_base"]);
        Assert.Equal("categories", (string?)(await WpApi.OneAsync(Server, "taxonomies/category"))["rest_base"]);
    }

    private async Task<Article> LoadAsync(int id)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        return await db.Articles.AsNoTracking().Include(a => a.Authors).FirstAsync(a => a.Id == id);
    }

    private async Task<int> PublishedStoryCountAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleQueries>().Published().CountAsync();
    }
}

public sealed class SqliteWpShapeTests(SqliteWpSite site) : WpShapeTests(site), IClassFixture<SqliteWpSite>;

public sealed class PostgresWpShapeTests(PostgresWpSite site) : WpShapeTests(site), IClassFixture<PostgresWpSite>;