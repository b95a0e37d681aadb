using System.Net;
using System.Net.Http.Json;
using Herald.Articles;
using Herald.Discovery.Related;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Discovery;

/// <summary>Publishing and reading related articles in tests, and a corpus whose answer is known.</summary>
public abstract class RelatedTestBase(SiteFixture fixture)
{
    protected HeraldTestServer Server => fixture.RequireServer();

    protected async Task<Article> PublishAsync(string headline, string body, string[] tags, int daysAgo = 1)
    {
        var article = await TestArticles.AddAsync(Server, headline, body, DateTime.UtcNow.AddDays(-daysAgo), tags: tags);
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexAsync(article);
        return article;
    }

    protected async Task<List<int>> RelatedIdsAsync(int articleId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<RelatedArticlesService>().ForArticleAsync(articleId, CancellationToken.None);
        return list.Select(a => a.Id).ToList();
    }

    /// <summary>
    /// Three ferry-strike stories and three football stories. Each test's corpus carries its own
    /// place names (derived from <paramref name="marker"/>) so tests sharing a site do not mix.
    /// </summary>
    protected async Task<(Article[] Ferries, Article[] Football)> CorpusAsync(string marker)
    {
        var line = marker + "skagen";
        var ground = marker + "arena";
        var ferries = new[]
        {
            await PublishAsync("Ferry crews strike over rotas", $"Ferry crews of the {line} line walked out over rotas. Deckhands and engineers said the ferry timetable left no rest between crossings.", ["Ferries"], 5),
            await PublishAsync("Ferry strike enters second day", $"The ferry strike continued as deckhands picketed the terminal. Engineers and crews demanded rest between crossings on the {line} line.", ["Ferries"], 4),
            await PublishAsync("Ferry operator offers new rotas", $"The {line} line operator offered crews new rotas with rest between crossings; deckhands will vote on ending the ferry strike.", [], 3),
        };
        var football = new[]
        {
            await PublishAsync("Goalkeeper saves penalty in derby", $"The goalkeeper dived left to save the penalty and the derby ended goalless. The striker and the midfield were booed at the {ground} stadium.", ["Football"], 5),
            await PublishAsync("Striker signs before derby", $"The club signed a striker before the derby. The goalkeeper and the midfield trained at the {ground} stadium as the penalty drills went on.", ["Football"], 4),
            await PublishAsync("Derby stadium sold out", $"Every seat at the {ground} stadium is sold for the derby; the goalkeeper and the striker were cheered at the open penalty training.", [], 2),
        };
        return (ferries, football);
    }

}

/// <summary>Editors' decisions, unpublishing and the article page, on both databases.</summary>
public abstract class RelatedTests(SiteFixture fixture) : RelatedTestBase(fixture)
{
    [SkippableFact]
    public async Task Editors_see_why_and_can_pin_and_exclude()
    {
        var (ferries, football) = await CorpusAsync("Beta");
        await using var scope = Server.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<RelatedArticlesService>();

        var why = (await service.ExplainAsync(ferries[0].Id, CancellationToken.None))!;
        var second = why.Single(w => w.ArticleId == ferries[1].Id);
        Assert.Contains("ferry", second.Reasons);
        Assert.Contains("tags: Ferries", second.Reasons);
        Assert.True(second.Score > 0);

        Assert.True(await service.DecideAsync(ferries[0].Id, ferries[1].Id, pinned: false, CancellationToken.None));
        Assert.True(await service.DecideAsync(ferries[0].Id, football[0].Id, pinned: true, CancellationToken.None));
        var shown = await RelatedIdsAsync(ferries[0].Id);
        Assert.Equal(football[0].Id, shown[0]);
        Assert.DoesNotContain(ferries[1].Id, shown);

        Assert.True(await service.DecideAsync(ferries[0].Id, ferries[1].Id, pinned: null, CancellationToken.None));
        var cleared = (await service.ExplainAsync(ferries[0].Id, CancellationToken.None))!;
        Assert.Equal("computed", cleared.Single(w => w.ArticleId == ferries[1].Id).Decision);
        Assert.False(await service.DecideAsync(ferries[0].Id, int.MaxValue, pinned: true, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_edit_that_changes_what_a_story_is_about_takes_it_out_of_its_old_neighbours_lists()
    {
        var (ferries, football) = await CorpusAsync("Delta");
        Assert.Contains(ferries[2].Id, await RelatedIdsAsync(ferries[0].Id));

        // The third ferry story is rewritten into a football story; only it is re-indexed, as on an edit.
        await TestArticles.UpdateAsync(Server, ferries[2].Id, a =>
        {
            a.Headline = "Goalkeeper and striker train for the derby";
            a.BodySource = "The goalkeeper and the striker trained for the derby at the deltaarena stadium; the midfield practised penalty kicks.";
        });
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
            var edited = await db.Articles.FindAsync(ferries[2].Id);
            await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexAsync(edited!);
        }

        Assert.DoesNotContain(ferries[2].Id, await RelatedIdsAsync(ferries[0].Id));
        Assert.DoesNotContain(ferries[2].Id, await RelatedIdsAsync(ferries[1].Id));
        Assert.Contains(ferries[2].Id, await RelatedIdsAsync(football[0].Id));
    }

    [SkippableFact]
    public async Task Unpublishing_takes_an_article_out_of_every_list_and_a_new_story_joins_older_lists()
    {
        var (ferries, _) = await CorpusAsync("Gamma");
        await TestArticles.UpdateAsync(Server, ferries[1].Id, a => a.Status = ArticleStatus.Unpublished);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().RemoveAsync(ferries[1].Id);
        }
        Assert.DoesNotContain(ferries[1].Id, await RelatedIdsAsync(ferries[0].Id));

        var later = await PublishAsync("Gamma ferry strike ends as crews accept rotas",
            "Deckhands and engineers accepted the rotas, ending the ferry strike on the gammaskagen line with rest between crossings.", ["Ferries"], 0);
        Assert.Contains(later.Id, await RelatedIdsAsync(ferries[0].Id));
    }

    [SkippableFact]
    public async Task A_story_with_nothing_related_still_offers_three_stories_labelled_for_what_they_are()
    {
        // Old enough to stay off the home page the other tests read.
        var lonely = await PublishAsync("Quibblewick zorbs the flantastic yomper",
            "Quibblewick zorbed a flantastic yomper; no other story shares a word of this.", [], 400);
        Article newestInSection;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            newestInSection = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().Published()
                .Where(a => a.PrimaryCategory!.Slug == "business" && a.Id != lonely.Id)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).FirstAsync();
            // An editor keeps that one away from this story: it must not come back as "latest".
            Assert.True(await scope.ServiceProvider.GetRequiredService<RelatedArticlesService>().DecideAsync(lonely.Id, newestInSection.Id, pinned: false, CancellationToken.None));
        }
        Assert.Empty(await RelatedIdsAsync(lonely.Id));

        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync(await Server.UrlOfAsync(lonely.Slug));

        Assert.Null(page.QuerySelector("#related-title"));
        var latest = page.QuerySelector("section.related-latest")!;
        Assert.Equal("Latest in Business", latest.QuerySelector("h2")!.TextContent);
        var links = latest.QuerySelectorAll(".related-item h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(RelatedArticlesService.AtLeast, links.Count);
        Assert.DoesNotContain(await Server.UrlOfAsync(lonely.Slug), links);
        Assert.DoesNotContain(await Server.UrlOfAsync(newestInSection.Slug), links);
    }

    [SkippableFact]
    public async Task The_article_page_shows_related_articles_and_the_newsroom_endpoint_needs_a_login()
    {
        using var client = Server.CreateClient();
        var (_, home) = await client.GetPageAsync("/");
        var (_, page) = await client.GetPageAsync(home.ArticleLinks()[0]);

        var block = page.QuerySelector("section.related")!;
        Assert.Equal("Related Articles", block.QuerySelector("h2")!.TextContent);
        Assert.InRange(block.QuerySelectorAll(".related-item").Length, 1, 5);
        Assert.All(block.QuerySelectorAll(".related-item"), item =>
        {
            Assert.NotNull(item.QuerySelector("h3 a"));
            Assert.NotNull(item.QuerySelector("time"));
        });

        var anonymous = await client.GetAsync("/newsroom/related/1");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found, anonymous.StatusCode.ToString());
        if (anonymous.StatusCode == HttpStatusCode.Found)
        {
            Assert.StartsWith("/newsroom/login", anonymous.Headers.Location!.AbsolutePath);
        }
        var post = await client.PostAsync("/newsroom/related/1", JsonContent.Create(new { relatedArticleId = 2, decision = "pin" }));
        Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found, post.StatusCode.ToString());
    }
}

/// <summary>
/// The exact answer on a site of its own: only the demo archive plus one ferry and one football
/// story of three articles each, so each article's two closest are exactly its siblings.
/// </summary>
public abstract class RelatedCorpusTests(SiteFixture fixture) : RelatedTestBase(fixture)
{
    [SkippableFact]
    public async Task Articles_on_the_same_story_relate_to_each_other_and_not_across_stories()
    {
        var (ferries, football) = await CorpusAsync("Alpha");

        foreach (var (group, other) in new[] { (ferries, football), (football, ferries) })
        {
            foreach (var article in group)
            {
                var related = await RelatedIdsAsync(article.Id);
                var expected = group.Where(a => a.Id != article.Id).Select(a => a.Id).Order();
                Assert.Equal(expected, related.Take(2).Order());
                Assert.DoesNotContain(related, id => other.Any(o => o.Id == id));
            }
        }
    }
}

public sealed class SqliteRelatedCorpusTests(SqliteSiteFixture fixture) : RelatedCorpusTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresRelatedCorpusTests(PostgresSiteFixture fixture) : RelatedCorpusTests(fixture), IClassFixture<PostgresSiteFixture>;

public sealed class SqliteRelatedTests(SqliteSiteFixture fixture) : RelatedTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresRelatedTests(PostgresSiteFixture fixture) : RelatedTests(fixture), IClassFixture<PostgresSiteFixture>;