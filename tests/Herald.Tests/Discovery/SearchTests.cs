using System.Net;
using Herald.Articles;
using Herald.Discovery.Search;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>Search on the database's own engine, run unchanged against SQLite FTS5 and PostgreSQL tsvector.</summary>
public abstract class SearchTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    private async Task<SearchResults> SearchAsync(string text, string? category = null, string? author = null,
        DateTime? from = null, DateTime? to = null, int page = 1)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        return await index.SearchAsync(new SearchRequest(SearchQuery.Parse(text), page, 10, category, author, from, to), CancellationToken.None);
    }

    private static List<int> Ids(SearchResults results) => results.Hits.Items.Select(h => h.Article.Id).ToList();

    [SkippableFact]
    public async Task A_headline_match_outranks_a_newer_body_match()
    {
        var body = await TestArticles.AddAsync(Server, "Council debates the ferry timetable",
            "Residents said the new zorblax turbines at the harbour were louder than promised.", DateTime.UtcNow.AddHours(-2));
        var headline = await TestArticles.AddAsync(Server, "Zorblax turbines switched on at the harbour",
            "The two machines began turning on Monday after a long wait.", DateTime.UtcNow.AddDays(-40));

        var results = await SearchAsync("zorblax");

        Assert.Equal([headline.Id, body.Id], Ids(results));
        Assert.Contains(Snippets.MarkStart + "zorblax", results.Hits.Items[1].Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task A_quoted_phrase_matches_only_the_words_in_that_order()
    {
        var phrase = await TestArticles.AddAsync(Server, "Night market returns",
            "Stalls lit by quiltwick lantern garlands lined the quay until midnight.");
        var scattered = await TestArticles.AddAsync(Server, "Garlands and lanterns",
            "The lantern makers sold garlands; one was called quiltwick by the children.");

        Assert.Equal([phrase.Id], Ids(await SearchAsync("\"quiltwick lantern garlands\"")));
        Assert.Equal([phrase.Id, scattered.Id], Ids(await SearchAsync("quiltwick lantern garlands")).Order());
    }

    [SkippableFact]
    public async Task A_phrase_in_the_headline_outranks_the_same_phrase_in_a_newer_body()
    {
        var inBody = await TestArticles.AddAsync(Server, "Quay lights are switched off",
            "Traders said the brimwater tide clock had stopped again on Friday.", DateTime.UtcNow.AddHours(-1));
        var inHeadline = await TestArticles.AddAsync(Server, "Brimwater tide clock restored",
            "The clock on the quay runs again after a month of repairs.", DateTime.UtcNow.AddDays(-60));
        var apart = await TestArticles.AddAsync(Server, "Tide tables reprinted",
            "The brimwater ferry keeps its clock; the tide decides the rest.", DateTime.UtcNow.AddHours(-3));

        var results = await SearchAsync("\"brimwater tide clock\"");

        Assert.Equal([inHeadline.Id, inBody.Id], Ids(results));
        Assert.Equal(2, results.Hits.TotalCount);
        Assert.DoesNotContain(apart.Id, Ids(results));
        Assert.Contains(Snippets.MarkStart, results.Hits.Items[1].Snippet, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Newest_matches_for_other_callers_score_headline_matches_higher()
    {
        var inBody = await TestArticles.AddAsync(Server, "Quay notes",
            "Divers found the velmora anchor chain under the old pier.", DateTime.UtcNow.AddHours(-1));
        var inHeadline = await TestArticles.AddAsync(Server, "Velmora anchor chain raised",
            "The chain came up in one piece.", DateTime.UtcNow.AddDays(-9));
        var apart = await TestArticles.AddAsync(Server, "Chain of events",
            "The velmora ferry dropped anchor.", DateTime.UtcNow.AddHours(-2));

        await using var scope = Server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var phrase = await index.MatchNewestAsync(SearchQuery.Parse("\"velmora anchor chain\""), CancellationToken.None);
        var words = await index.MatchNewestAsync(SearchQuery.Parse("velmora anchor"), CancellationToken.None);

        Assert.Equal([inHeadline.Id, inBody.Id], phrase.OrderByDescending(m => m.Score).Select(m => m.Id));
        Assert.Equal(inHeadline.Id, words.MaxBy(m => m.Score).Id);
        Assert.Equal([inBody.Id, inHeadline.Id, apart.Id], words.Select(m => m.Id).Order());
        Assert.Empty(await index.MatchNewestAsync(SearchQuery.Parse("\"\" ++"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Headline_and_dek_matches_outrank_a_crowd_of_newer_body_matches()
    {
        // More newer body-only matches than PostgreSQL ranks in full: the older headline (with an
        // accent the query lacks) and dek matches must still be found and put first.
        var crowd = PostgresSearchIndex.RankedNewest + 20;
        var headline = await TestArticles.AddAsync(Server, "Quörvantle pier reopens to walkers",
            "The boards were replaced over the winter.", DateTime.UtcNow.AddDays(-3));
        var dek = await TestArticles.AddAsync(Server, "Pier reopens to walkers",
            "The boards were replaced over the winter.", DateTime.UtcNow.AddDays(-3).AddMinutes(1), dek: "The quorvantle crossing is open again.");
        await TestArticles.AddManyAsync(Server, Enumerable.Range(0, crowd).Select(i =>
            ($"Harbour notes {i}", "Walkers met at the quorvantle crossing before the ferry left.", DateTime.UtcNow.AddDays(-2).AddMinutes(i))));

        var first = await SearchAsync("quorvantle");
        var second = await SearchAsync("quorvantle", page: 2);

        Assert.Equal([headline.Id, dek.Id], Ids(first).Take(2));
        Assert.Equal(crowd + 2, first.Hits.TotalCount);
        Assert.Equal(10, second.Hits.Items.Count);
        Assert.Empty(Ids(first).Intersect(Ids(second)));
    }

    [SkippableFact]
    public async Task A_phrase_of_common_words_finds_only_where_they_stand_together()
    {
        await TestArticles.AddManyAsync(Server, Enumerable.Range(0, 30).Select(i =>
            ($"Zephlin gravel report {i}", "The marrowby quarry sent gravel; the zephlin barge waited.", DateTime.UtcNow.AddDays(-1).AddMinutes(i))));
        var together = await TestArticles.AddAsync(Server, "Barge loads", "The zephlin marrowby convoy left at dawn.", DateTime.UtcNow.AddDays(-5));

        var results = await SearchAsync("\"zephlin marrowby\"");

        Assert.Equal([together.Id], Ids(results));
        Assert.Equal(1, results.Hits.TotalCount);
        Assert.Equal(31, (await SearchAsync("zephlin marrowby")).Hits.TotalCount);
    }

    [SkippableFact]
    public async Task Accents_and_case_do_not_matter()
    {
        var article = await TestArticles.AddAsync(Server, "Crème brûlée festival opens in Zürichsee",
            "Pâtissiers from Malmö and Besançon brought their best brûlées.");

        Assert.Contains(article.Id, Ids(await SearchAsync("creme brulee zurichsee")));
        Assert.Contains(article.Id, Ids(await SearchAsync("MALMO besancon")));
        Assert.Contains(article.Id, Ids(await SearchAsync("ZÜRICHSEE")));
    }

    [SkippableFact]
    public async Task A_snippet_marks_every_form_of_the_words_and_starts_near_them()
    {
        var opening = string.Join(' ', Enumerable.Repeat("The quay was quiet for most of the morning.", 12));
        var story = await TestArticles.AddAsync(Server, "Harbour works begin",
            opening + " Two wharfside quellbrine turbines were lifted beside the old café, and a third quellbrine turbine follows in spring.");

        var snippet = (await SearchAsync("quellbrine turbine cafe")).Hits.Items.Single(h => h.Article.Id == story.Id).Snippet;

        Assert.Contains(Snippets.MarkStart + "turbines" + Snippets.MarkEnd, snippet);
        Assert.Contains(Snippets.MarkStart + "turbine" + Snippets.MarkEnd, snippet);
        Assert.Contains(Snippets.MarkStart + "café" + Snippets.MarkEnd, snippet);
        Assert.Contains(Snippets.MarkStart + "quellbrine" + Snippets.MarkEnd, snippet);
        Assert.DoesNotContain(Snippets.MarkStart + "third", snippet);
        Assert.StartsWith("…", snippet);
    }

    [SkippableFact]
    public async Task The_index_follows_publish_edit_and_unpublish()
    {
        var draft = await TestArticles.AddAsync(Server, "Plans for the vexwillow bridge", "Engineers drew the vexwillow crossing.",
            status: ArticleStatus.Draft);
        Assert.Empty(Ids(await SearchAsync("vexwillow")));

        await TestArticles.UpdateAsync(Server, draft.Id, a => a.Status = ArticleStatus.Published);
        Assert.Equal([draft.Id], Ids(await SearchAsync("vexwillow")));

        await TestArticles.UpdateAsync(Server, draft.Id, a => (a.Headline, a.BodySource) = ("Plans for the brambleton bridge", "Engineers drew it."));
        Assert.Empty(Ids(await SearchAsync("vexwillow")));
        Assert.Equal([draft.Id], Ids(await SearchAsync("brambleton")));

        await TestArticles.UpdateAsync(Server, draft.Id, a => a.Status = ArticleStatus.Unpublished);
        Assert.Empty(Ids(await SearchAsync("brambleton")));
    }

    [SkippableFact]
    public async Task Filters_narrow_by_section_author_and_dates()
    {
        var old = await TestArticles.AddAsync(Server, "Glimmerfen reservoir filled", "Water rose.", DateTime.UtcNow.AddDays(-300), category: "politics");
        var recent = await TestArticles.AddAsync(Server, "Glimmerfen reservoir drained", "Water fell.", DateTime.UtcNow.AddDays(-3));

        Assert.Equal([old.Id], Ids(await SearchAsync("glimmerfen", category: "politics")));
        Assert.Equal([recent.Id], Ids(await SearchAsync("glimmerfen", from: DateTime.UtcNow.AddDays(-10))));
        Assert.Equal([old.Id], Ids(await SearchAsync("glimmerfen", to: DateTime.UtcNow.AddDays(-10))));
        Assert.Empty(Ids(await SearchAsync("glimmerfen", author: "no-such-author")));
    }

    [SkippableFact]
    public async Task Results_are_paginated()
    {
        for (var i = 0; i < 12; i++)
        {
            await TestArticles.AddAsync(Server, $"Pebblemoor report number {i}", "Short.", DateTime.UtcNow.AddDays(-i - 1));
        }
        var first = await SearchAsync("pebblemoor");
        var second = await SearchAsync("pebblemoor", page: 2);

        Assert.Equal(12, first.Hits.TotalCount);
        Assert.Equal(10, first.Hits.Items.Count);
        Assert.Equal(2, second.Hits.Items.Count);
        Assert.Empty(Ids(first).Intersect(Ids(second)));

        var pastTheEnd = await SearchAsync("pebblemoor", page: 5);
        Assert.Empty(pastTheEnd.Hits.Items);
        Assert.Equal(12, pastTheEnd.Hits.TotalCount);
    }

    [SkippableTheory]
    [InlineData("\"unbalanced quote")]
    [InlineData("harbour\" \"")]
    [InlineData("C#")]
    [InlineData("AND OR NOT")]
    [InlineData("NEAR(harbour ferry")]
    [InlineData("*")]
    [InlineData("-harbour")]
    [InlineData("harbour*")]
    [InlineData("col:umn ^start {a b}")]
    [InlineData("🦀🚢 harbour")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("\\")]
    [InlineData("%")]
    public async Task Hostile_queries_get_results_or_nothing_found_never_an_error(string text)
    {
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(page.QuerySelector(".search-results") is not null || page.QuerySelector(".search-empty") is not null);
        Assert.Equal(text.Length > 0 ? text : null, page.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Very_long_text_is_trimmed_with_a_notice()
    {
        var text = string.Concat(Enumerable.Repeat("harbour ferry NEAR( \"x ", 250));
        using var client = Server.CreateClient();
        var (response, page) = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(text[..5000]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".search-notice"));
        Assert.Equal(SearchQuery.MaxLength, page.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
        Assert.False((await SearchAsync(new string('x', 10_000) + " " + text)).Hits.TotalCount < 0);
    }

    [SkippableFact]
    public async Task The_search_page_keeps_the_text_highlights_matches_and_explains_bad_filters()
    {
        await TestArticles.AddAsync(Server, "Thornquill lighthouse repainted", "Painters gave the thornquill tower a red band.");
        using var client = Server.CreateClient();

        var (response, page) = await client.GetPageAsync("/search?q=%3Cthornquill%3E");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<thornquill>", page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Equal("thornquill", page.QuerySelector(".search-snippet mark")!.TextContent, ignoreCase: true);
        Assert.NotNull(page.QuerySelector("header form[role=search] input[name=q]"));

        var (bad, badPage) = await client.GetPageAsync("/search?q=thornquill&from=31-10-2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("YYYY-MM-DD", badPage.QuerySelector(".search-problems")!.TextContent);
        Assert.Equal("31-10-2026", badPage.QuerySelector("#search-from")!.GetAttribute("value"));
    }
}

public sealed class SqliteSearchTests(SqliteSiteFixture fixture) : SearchTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresSearchTests(PostgresSiteFixture fixture) : SearchTests(fixture), IClassFixture<PostgresSiteFixture>
{
    [SkippableFact]
    public async Task Matches_are_found_in_every_window_of_ids_newest_first()
    {
        // PostgreSQL looks for the newest matches in windows of ids (PostgresSearchIndex): the
        // identity sequence is moved on so one match lands in each, the oldest before both.
        var server = fixture.RequireServer();
        var (first, second) = PostgresSearchIndex.WindowsOf(SearchQuery.Parse("glimtrask"));
        var oldest = await TestArticles.AddAsync(server, "Sea wall works begin", "Crews lifted the first glimtrask blocks into place.", DateTime.UtcNow.AddDays(-9));
        await SkipIdsAsync(server, first + second + 5);
        var middle = await TestArticles.AddAsync(server, "Sea wall half built", "Half of the glimtrask blocks now stand.", DateTime.UtcNow.AddDays(-5));
        await SkipIdsAsync(server, first + 5);
        var newest = await TestArticles.AddAsync(server, "Sea wall finished", "The last glimtrask block was set on Friday.", DateTime.UtcNow.AddDays(-1));

        await using var scope = server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var results = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("glimtrask"), 1, 10), CancellationToken.None);
        var others = await index.MatchNewestAsync(SearchQuery.Parse("glimtrask"), CancellationToken.None);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], results.Hits.Items.Select(h => h.Article.Id));
        Assert.Equal(3, results.Hits.TotalCount);
        Assert.Equal([newest.Id, middle.Id, oldest.Id], others.Select(m => m.Id).Order().Reverse());
    }

    [SkippableFact]
    public async Task A_headline_word_that_only_begins_like_the_query_word_does_not_rank_an_old_body_match()
    {
        // Past the newest matches ranked in full, only headline and dek matches are ranked: a
        // headline word sharing the query word's beginning ("quillmartin", "quillmarsh") is none.
        var server = fixture.RequireServer();
        var lookalike = await TestArticles.AddAsync(server, "Quillmartin ferry timetable changes", "Boats still call at the quillmarsh landing.",
            DateTime.UtcNow.AddDays(-20));
        var headline = await TestArticles.AddAsync(server, "Quillmarsh landing rebuilt", "The landing reopened.", DateTime.UtcNow.AddDays(-19));
        await TestArticles.AddManyAsync(server, Enumerable.Range(0, PostgresSearchIndex.RankedNewest + 5).Select(i =>
            ($"Landing notes {i}", "Walkers crossed the quillmarsh landing at dawn.", DateTime.UtcNow.AddDays(-10).AddMinutes(i))));

        await using var scope = server.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var matches = (await index.MatchNewestAsync(SearchQuery.Parse("quillmarsh"), CancellationToken.None)).ToDictionary(m => m.Id, m => m.Score);

        Assert.Equal(0, matches[lookalike.Id]);
        Assert.True(matches[headline.Id] > 0);
    }

    [SkippableFact]
    public async Task A_one_word_query_pages_in_full_ts_rank_order()
    {
        // One-word queries rank in full only the matches whose headline-and-dek bound can reach
        // the page; every page must still be the order ts_rank of the whole vector gives.
        var server = fixture.RequireServer();
        var start = DateTime.UtcNow.AddDays(-100);
        for (var i = 0; i < 27; i++)
        {
            var body = "The brackenfold survey went on. " + string.Concat(Enumerable.Repeat("Brackenfold again. ", i % 4));
            var headline = i % 3 == 0 ? $"Brackenfold report {i}" : $"Survey report {i}";
            await TestArticles.AddAsync(server, headline, body, start.AddDays(i % 5 == 0 ? i * 3 : i), dek: i % 3 == 1 ? "Notes from brackenfold." : null);
        }

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
        var expected = await db.Database.SqlQueryRaw<int>("""
            SELECT a."Id" AS "Value" FROM "Articles" a WHERE a."SearchVector" @@ plainto_tsquery('herald_search', 'brackenfold')
            ORDER BY ts_rank('{{0.05, 0.1, 0.4, 1.0}}'::float4[], a."SearchVector", plainto_tsquery('herald_search', 'brackenfold'))
                     * (1.0 + 0.5 / (1.0 + greatest(0, extract(epoch FROM (now() - a."PublishedAt")) / 86400.0) / 30.0)) DESC, a."Id" DESC
            """).ToListAsync();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var pages = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var results = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("brackenfold"), page, 10), CancellationToken.None);
            pages.AddRange(results.Hits.Items.Select(h => h.Article.Id));
        }

        Assert.Equal(27, expected.Count);
        Assert.Equal(expected, pages);
    }

    private static async Task SkipIdsAsync(HeraldTestServer server, int count)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
        await db.Database.ExecuteSqlAsync(
            $"SELECT setval(pg_get_serial_sequence('\"Articles\"', 'Id'), (SELECT max(\"Id\") FROM \"Articles\") + {count})");
    }
}