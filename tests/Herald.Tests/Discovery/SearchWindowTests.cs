using Herald.Articles;
using Herald.Discovery.Search;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>
/// SQLite ranks only the newest matches of a word query (<see cref="SqliteSearchIndex.Bm25Window"/>):
/// when a word matches more articles than that, the reader is told there are more, not shown a
/// total that looks exact.
/// </summary>
public sealed class SearchWindowTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_word_in_more_articles_than_are_ranked_reports_a_lower_bound_and_ranks_the_newest()
    {
        var matching = SqliteSearchIndex.Bm25Window + 40;
        var newestId = await AddManyAsync("Vellumfinch", matching);
        await TestArticles.AddAsync(Server, "Brackenwold weir rebuilt", "The brackenwold weir reopened.");

        await using var scope = Server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var many = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("vellumfinch"), 1, 10), CancellationToken.None);
        var few = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("brackenwold"), 1, 10), CancellationToken.None);

        Assert.True(many.TotalIsLowerBound);
        Assert.Equal(SqliteSearchIndex.Bm25Window, many.Hits.TotalCount);
        Assert.Equal(newestId, many.Hits.Items[0].Article.Id);
        Assert.False(few.TotalIsLowerBound);
        Assert.Equal(1, few.Hits.TotalCount);

        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync("/search?q=vellumfinch");
        Assert.StartsWith($"More than {SqliteSearchIndex.Bm25Window:N0} articles found", page.QuerySelector(".search-count")!.TextContent.Trim());
        var (_, onePage) = await client.GetPageAsync("/search?q=brackenwold");
        Assert.Equal("1 article found", onePage.QuerySelector(".search-count")!.TextContent.Trim());
    }

    /// <summary>Many short stories naming one word, an hour apart, in one transaction; returns the newest one's id.</summary>
    private async Task<int> AddManyAsync(string word, int count)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var section = await db.Categories.FirstAsync(c => c.Slug == "business");
        var start = DateTime.UtcNow.AddHours(-2);
        var articles = Enumerable.Range(0, count).Select(i => new Article
        {
            Slug = $"{word.ToLowerInvariant()}-{i}",
            Headline = $"Report number {i}",
            BodyMarkdown = $"The {word} survey, part {i}.",
            BodyHtml = $"<p>The {word} survey, part {i}.</p>",
            Status = ArticleStatus.Published,
            PublishedAt = start.AddHours(-(count - i)),
            CreatedAt = start,
            PrimaryCategoryId = section.Id,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        return articles[^1].Id;
    }
}