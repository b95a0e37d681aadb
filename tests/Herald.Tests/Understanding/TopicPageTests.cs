using System.Net;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>What Herald understood of its articles, as readers see it: topic pages and the people in a story.</summary>
public abstract class TopicPageTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_person_page_lists_their_quotes_newest_first_linking_to_the_article()
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync("/people/anders-falk");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Anders Falk", page.QuerySelector("h1")!.TextContent);
        var quotes = page.QuerySelectorAll(".quote-list li");
        Assert.NotEmpty(quotes);
        Assert.Contains(quotes, q => q.TextContent.Contains("Nine years is a long time to lead any company", StringComparison.Ordinal));
        var link = quotes[0].QuerySelector(".quote-source a")!.GetAttribute("href")!;
        Assert.Matches(@"^/\d{4}/\d\d/[a-z0-9-]+#:~:text=", link);
        var dates = page.QuerySelectorAll(".quote-source time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.NotEmpty(page.ArticleLinks());
    }

    [SkippableFact]
    public async Task The_article_page_links_the_people_it_quotes()
    {
        using var client = Server.CreateClient();
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        var (_, page) = await client.GetPageAsync(url);

        var quoted = page.QuerySelectorAll(".story-topics a.topic-person").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/people/anders-falk", quoted);
        Assert.Contains("/people/linnea-borg", quoted);
    }

    [SkippableTheory]
    [InlineData("/people/nobody-at-all", HttpStatusCode.NotFound)]
    [InlineData("/organisations/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/people/anders-falk?page=zero", HttpStatusCode.BadRequest)]
    [InlineData("/people/anders-falk?page=90", HttpStatusCode.NotFound)]
    public async Task Bad_topic_addresses_get_an_error_page(string path, HttpStatusCode expected)
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".error-page"));
    }

    [SkippableFact]
    public async Task Reanalysing_replaces_the_findings_and_one_person_keeps_one_page_under_all_names()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var understanding = scope.ServiceProvider.GetRequiredService<ArticleUnderstanding>();
        var first = new Article
        {
            Slug = "understanding-first",
            Headline = "First",
            Status = ArticleStatus.Draft,
            CreatedAt = DateTime.UtcNow,
            BodySource = "Harbour Commissioner Ragnhild Østby opened the new quay on Monday.\n\n“This quay will serve the city for fifty years,” Østby said.\n",
        };
        var second = new Article
        {
            Slug = "understanding-second",
            Headline = "Second",
            Status = ArticleStatus.Draft,
            CreatedAt = DateTime.UtcNow,
            BodySource = "“We are ahead of schedule,” Østby told reporters on Friday.\n",
        };
        db.Articles.AddRange(first, second);
        await db.SaveChangesAsync();

        await understanding.AnalyzeAsync(first.Id, CancellationToken.None);
        await understanding.AnalyzeAsync(first.Id, CancellationToken.None);
        await understanding.AnalyzeAsync(second.Id, CancellationToken.None);

        var quotes = await db.Set<ArticleQuote>().Include(q => q.Speaker)
            .Where(q => q.ArticleId == first.Id || q.ArticleId == second.Id).ToListAsync();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Ragnhild Østby", q.Speaker?.Name));
        Assert.Single(quotes.Select(q => q.SpeakerId).Distinct());
        Assert.Equal(1, await db.Set<EntityMention>().CountAsync(m => m.ArticleId == first.Id && m.Entity.Type == EntityType.Person));
    }

}

public sealed class SqliteTopicPageTests(SqliteSiteFixture fixture) : TopicPageTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresTopicPageTests(PostgresSiteFixture fixture) : TopicPageTests(fixture), IClassFixture<PostgresSiteFixture>;