using Herald.Discovery.Search;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Discovery;

/// <summary>
/// Both engines rank only the newest matches of a word query (<see cref="SearchCommand.WordWindow"/>):
/// when a word matches more articles than that, the reader is told there are more, not shown a
/// total that looks exact.
/// </summary>
public abstract class SearchWindowTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_word_in_more_articles_than_are_ranked_reports_a_lower_bound_and_ranks_the_newest()
    {
        var matching = SearchCommand.WordWindow + 40;
        var start = DateTime.UtcNow.AddHours(-2);
        await TestArticles.AddManyAsync(Server, Enumerable.Range(0, matching)
            .Select(i => ($"Report number {i}", $"The Vellumfinch survey, part {i}.", start.AddHours(-(matching - i)))));
        await TestArticles.AddAsync(Server, "Brackenwold weir rebuilt", "The brackenwold weir reopened.");

        await using var scope = Server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var many = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("vellumfinch"), 1, 10), CancellationToken.None);
        var few = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("brackenwold"), 1, 10), CancellationToken.None);

        Assert.True(many.TotalIsLowerBound);
        Assert.Equal(SearchCommand.WordWindow, many.Hits.TotalCount);
        Assert.Equal($"Report number {matching - 1}", many.Hits.Items[0].Article.Headline);
        Assert.False(few.TotalIsLowerBound);
        Assert.Equal(1, few.Hits.TotalCount);

        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync("/search?q=vellumfinch");
        Assert.StartsWith($"More than {SearchCommand.WordWindow:N0} articles found", page.QuerySelector(".search-count")!.TextContent.Trim());
        var (_, onePage) = await client.GetPageAsync("/search?q=brackenwold");
        Assert.Equal("1 article found", onePage.QuerySelector(".search-count")!.TextContent.Trim());
    }
}

public sealed class SqliteSearchWindowTests(SqliteSiteFixture fixture) : SearchWindowTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresSearchWindowTests(PostgresSiteFixture fixture) : SearchWindowTests(fixture), IClassFixture<PostgresSiteFixture>;