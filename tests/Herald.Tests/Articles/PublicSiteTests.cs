using System.Net;
using Herald.Articles;
using Herald.Hosting;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles;

/// <summary>
/// The reader's side of the site, run unchanged against SQLite and PostgreSQL
/// (the two subclasses at the bottom pick the database).
/// </summary>
public abstract class PublicSiteTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Home_shows_a_lead_story_the_latest_and_a_block_per_section()
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The Harbour Herald", page.QuerySelector(".site-title")!.TextContent);
        Assert.NotNull(page.QuerySelector("main"));
        Assert.NotNull(page.QuerySelector("nav.sections"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.NotNull(page.QuerySelector(".card-lead h2 a"));
        Assert.True(page.QuerySelectorAll(".home-section").Length >= 6, "one block per section");
        Assert.True(page.ArticleLinks().Count >= 20);
        Assert.All(page.QuerySelectorAll("time"), time => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", time.GetAttribute("datetime")!));
    }

    [SkippableFact]
    public async Task Home_is_paginated_and_pages_do_not_overlap()
    {
        using var client = Server.CreateClient();
        var (_, first) = await client.GetPageAsync("/");
        var (response, second) = await client.GetPageAsync("/?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latestOnFirst = first.QuerySelectorAll(".front .card-headline a").Select(a => a.GetAttribute("href")).ToHashSet();
        var onSecond = second.ArticleLinks();
        Assert.Equal(10, onSecond.Count);
        Assert.DoesNotContain(onSecond, latestOnFirst.Contains);
        Assert.NotNull(second.QuerySelector(".pager a[rel=prev]"));
    }

    [SkippableTheory]
    [InlineData("/?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/?page=-3", HttpStatusCode.BadRequest)]
    [InlineData("/?page=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/?page=500", HttpStatusCode.NotFound)]
    [InlineData("/category/politics?page=2.5", HttpStatusCode.BadRequest)]
    [InlineData("/category/politics?page=400", HttpStatusCode.NotFound)]
    public async Task Bad_page_numbers_get_a_helpful_error_page(string path, HttpStatusCode expected)
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".error-page h1"));
        Assert.Contains("front page", page.QuerySelector(".error-page")!.TextContent);
    }

    [SkippableFact]
    public async Task Article_page_has_everything_a_reader_expects()
    {
        using var client = Server.CreateClient();
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = page.QuerySelector("article.story")!;
        Assert.Equal("Kestrel Maritime chief Anders Falk to step down after nine years", story.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(story.QuerySelector(".dek")!.TextContent);
        Assert.Equal("/author/jose-nunez", story.QuerySelector(".byline a[rel=author]")!.GetAttribute("href"));
        Assert.Equal("José Núñez", story.QuerySelector(".byline a")!.TextContent);
        Assert.NotNull(story.QuerySelector(".dates time[datetime]"));
        Assert.Matches(@"\d+ min read", story.QuerySelector(".reading-time")!.TextContent);
        Assert.NotNull(story.QuerySelector(".story-body h2"));
        Assert.NotNull(story.QuerySelector(".topics a[href='/category/business']"));
        Assert.NotEmpty(story.QuerySelectorAll(".topics a[rel=tag]"));
        Assert.NotEmpty(story.QuerySelectorAll(".share a"));
        Assert.NotNull(page.QuerySelector(".neighbours a"));
        Assert.Equal("#page-top", page.QuerySelector("a.back-to-top")!.GetAttribute("href"));
        Assert.EndsWith(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Every_story_links_the_next_newer_and_older_story_of_its_own_section()
    {
        List<(string Slug, DateTime At, int Id)> section;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var now = DateTime.UtcNow;
            var stories = await db.Articles
                .Where(a => a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story && a.PublishedAt <= now && a.PrimaryCategory!.Slug == "business")
                .Select(a => new { a.Slug, At = a.PublishedAt!.Value, a.Id })
                .ToListAsync();
            section = [.. stories.Select(s => (s.Slug, s.At, s.Id)).OrderBy(s => s.At).ThenBy(s => s.Id)];
        }
        Assert.True(section.Count >= 3, $"the business section has {section.Count} stories");
        using var client = Server.CreateClient();
        for (var i = 0; i < section.Count; i++)
        {
            var (_, page) = await client.GetPageAsync(await Server.UrlOfAsync(section[i].Slug));
            var newer = page.QuerySelector(".neighbours a[rel=next]")?.GetAttribute("href");
            var older = page.QuerySelector(".neighbours a[rel=prev]")?.GetAttribute("href");
            // The story just after it in the section's order (publication time, then id) is the newer one, the one just before the older.
            Assert.Equal(i + 1 < section.Count ? await Server.UrlOfAsync(section[i + 1].Slug) : null, newer);
            Assert.Equal(i > 0 ? await Server.UrlOfAsync(section[i - 1].Slug) : null, older);
        }
    }

    [SkippableFact]
    public async Task Featured_image_carries_alt_text_caption_and_credit()
    {
        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync(await Server.UrlOfAsync("norrhavn-council-approves-harbour-flood-barrier"));

        var figure = page.QuerySelector("figure.featured-image")!;
        Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector("img")!.GetAttribute("alt")));
        Assert.NotNull(figure.QuerySelector("figcaption .credit"));
        var image = await client.GetAsync(figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
    }

    [SkippableFact]
    public async Task Wrong_year_or_month_in_the_address_redirects_to_the_article()
    {
        using var client = Server.CreateClient();
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        var response = await client.GetAsync("/2001/01/kestrel-maritime-anders-falk-steps-down");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task An_old_slug_answers_301_to_the_current_address()
    {
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Slug == "kestrel-maritime-anders-falk-steps-down");
            if (!await db.OldSlugs.AnyAsync(o => o.Slug == "kestrel-chief-to-quit"))
            {
                db.OldSlugs.Add(new OldSlug { ArticleId = article.Id, Year = 2026, Month = 11, Slug = "kestrel-chief-to-quit" });
                await db.SaveChangesAsync();
            }
        }
        using var client = Server.CreateClient();
        var response = await client.GetAsync("/2026/11/kestrel-chief-to-quit");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [InlineData("/category/politics", "Politics")]
    [InlineData("/tag/kestrel-maritime", "Kestrel Maritime")]
    [InlineData("/author/lukasz-wojcik", "Łukasz Wójcik")]
    public async Task Archives_list_their_articles(string path, string heading)
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(page.ArticleLinks());
    }

    [SkippableFact]
    public async Task Month_archive_lists_only_that_month()
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync("/2026/10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("October 2026", page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(page.ArticleLinks());
        Assert.All(page.ArticleLinks(), link => Assert.StartsWith("/2026/10/", link));
    }

    [SkippableTheory]
    [InlineData("/no-such-page")]
    [InlineData("/2026/11/no-such-article")]
    [InlineData("/category/no-such-section")]
    [InlineData("/tag/no-such-tag")]
    [InlineData("/author/nobody")]
    [InlineData("/1999/01")]
    public async Task Unknown_pages_get_a_helpful_404(string path)
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll(".error-sections a"));
    }

    [SkippableFact]
    public async Task Drafts_and_scheduled_articles_are_not_public()
    {
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            if (!await db.Articles.AnyAsync(a => a.Slug == "secret-draft"))
            {
                db.Articles.Add(new Article { Slug = "secret-draft", Headline = "Secret draft", Status = ArticleStatus.Draft, CreatedAt = DateTime.UtcNow, PublishedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
                db.Articles.Add(new Article { Slug = "future-story", Headline = "Future story", Status = ArticleStatus.Published, CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow.AddDays(30) });
                await db.SaveChangesAsync();
            }
        }
        using var client = Server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2026/11/secret-draft")).StatusCode);
        var future = DateTime.UtcNow.AddDays(30);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{future:yyyy}/{future:MM}/future-story")).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_are_served_from_the_output_cache_and_evicted_by_tag()
    {
        using var client = Server.CreateClient();
        var (_, before) = await client.GetPageAsync("/category/technology");
        int id;
        string original;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var category = await db.Categories.SingleAsync(c => c.Slug == "technology");
            var article = await db.Articles.Where(a => a.PrimaryCategoryId == category.Id).OrderByDescending(a => a.PublishedAt).FirstAsync();
            (id, original) = (article.Id, article.Headline);
            article.Headline = "Changed behind the cache's back";
            await db.SaveChangesAsync();
        }

        var (cachedResponse, cached) = await client.GetPageAsync("/category/technology");
        Assert.True(cachedResponse.Headers.Age is not null, "a cached response carries Age");
        Assert.DoesNotContain("Changed behind the cache's back", cached.Body!.TextContent);

        await Server.Services.GetRequiredService<CacheEvictor>().EvictAsync([CacheTags.Category("technology")], CancellationToken.None);
        var (_, fresh) = await client.GetPageAsync("/category/technology");
        Assert.Contains("Changed behind the cache's back", fresh.Body!.TextContent);

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, original));
        }
        await Server.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.Site, CancellationToken.None);
        Assert.NotNull(before.Body);
    }

    [SkippableFact]
    public async Task Conditional_get_answers_304_when_nothing_changed()
    {
        using var client = Server.CreateClient();
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [SkippableTheory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed(string encoding)
    {
        using var client = Server.CreateClient(decompress: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(encoding, response.Content.Headers.ContentEncoding);
    }

}

public sealed class SqlitePublicSiteTests(SqliteSiteFixture fixture) : PublicSiteTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresPublicSiteTests(PostgresSiteFixture fixture) : PublicSiteTests(fixture), IClassFixture<PostgresSiteFixture>;