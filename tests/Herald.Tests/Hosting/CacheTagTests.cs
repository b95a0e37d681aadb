using Herald.Articles;
using Herald.Hosting;

namespace Herald.Tests.Hosting;

/// <summary>
/// Which cached pages a write to one article must evict: every page that lists it, and no
/// month it does not belong to. The eviction itself, over HTTP, is in PrivacyAndCacheTests and WpCacheTests.
/// </summary>
public sealed class CacheTagTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static Article Story(DateTime? publishedAt)
    {
        var politics = new Category { Slug = "politics", Name = "Politics" };
        var article = new Article
        {
            Id = 42,
            Slug = "harbour-ferry",
            Headline = "Harbour ferry returns",
            Status = ArticleStatus.Published,
            PublishedAt = publishedAt,
            PrimaryCategory = politics,
        };
        article.Categories.AddRange([politics, new Category { Slug = "transport", Name = "Transport" }]);
        article.Tags.AddRange([new Tag { Slug = "ferries", Name = "Ferries" }, new Tag { Slug = "harbour", Name = "Harbour" }]);
        article.Authors.AddRange([
            new ArticleAuthor { Author = new Author { Slug = "ayse-yilmaz", Name = "Ayşe Yılmaz" } },
            new ArticleAuthor { Author = new Author { Slug = "anders-falk", Name = "Anders Falk" } },
        ]);
        return article;
    }

    [Fact]
    public void A_story_touches_its_page_the_home_page_search_results_feeds_the_api_and_each_of_its_archives()
    {
        var tags = CacheTags.AffectedBy(Story(new DateTime(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc)), Oslo).ToHashSet();

        Assert.Equal(new HashSet<string>
        {
            "article:42", "home", "search", "feeds", "wp-api",
            "category:politics", "category:transport",
            "tag:ferries", "tag:harbour",
            "author:ayse-yilmaz", "author:anders-falk",
            "month:2026-06",
        }, tags);
    }

    [Fact]
    public void The_month_archive_is_the_one_readers_see_in_the_sites_zone()
    {
        // 22:30 UTC on 31 May is half past midnight on 1 June in Oslo: the story is listed under June.
        var tags = CacheTags.AffectedBy(Story(new DateTime(2026, 5, 31, 22, 30, 0, DateTimeKind.Utc)), Oslo).ToList();

        Assert.Contains(CacheTags.Month(2026, 6), tags);
        Assert.DoesNotContain(CacheTags.Month(2026, 5), tags);
    }

    [Fact]
    public void An_undated_story_belongs_to_no_month() =>
        Assert.DoesNotContain(CacheTags.AffectedBy(Story(null), Oslo), t => t.StartsWith("month:", StringComparison.Ordinal));

    [Fact]
    public void A_primary_category_outside_the_category_list_is_evicted_too()
    {
        var article = Story(new DateTime(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc));
        article.Categories.Clear();

        Assert.Contains("category:politics", CacheTags.AffectedBy(article, Oslo));
    }

    [Fact]
    public void Tag_names_agree_with_the_pages_that_set_them()
    {
        Assert.Equal("month:0987-03", CacheTags.Month(987, 3));
        Assert.Equal("category:a", CacheTags.Category("a"));
        Assert.NotEqual(CacheTags.Category("news"), CacheTags.Tag("news"));
        Assert.NotEqual(CacheTags.Tag("news"), CacheTags.Author("news"));
    }

    [Theory]
    [InlineData(ArticleStatus.Published, -1, true)]
    [InlineData(ArticleStatus.Published, 1, false)]
    [InlineData(ArticleStatus.Scheduled, -1, false)]
    [InlineData(ArticleStatus.Draft, -1, false)]
    [InlineData(ArticleStatus.Unpublished, -1, false)]
    [InlineData(ArticleStatus.Submitted, -1, false)]
    public void Only_a_story_readers_can_see_now_has_public_pages_to_evict(ArticleStatus status, int hoursFromNow, bool hasPages)
    {
        var now = new DateTime(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);
        var article = Story(now.AddHours(hoursFromNow));
        article.Status = status;

        Assert.Equal(hasPages, CacheTags.ShowingNow(article, Oslo, now).Count > 0);
    }
}