using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Articles;

/// <summary>A story an editor (or a WordPress archive) made sticky leads the home page, once.</summary>
public sealed class StickyHomeTests(StickyHomeTests.UncachedSite fixture) : IClassFixture<StickyHomeTests.UncachedSite>
{
    public sealed class UncachedSite : SqliteSiteFixture
    {
        protected override bool OutputCache => false;
    }

    [Fact]
    public async Task A_sticky_story_leads_page_one_and_the_pages_after_it_lose_nothing()
    {
        var server = fixture.RequireServer();
        using var client = server.CreateClient();
        var before = await HomeListAsync(client, 1);
        var secondBefore = await HomeListAsync(client, 2);
        var old = await TestArticles.AddAsync(server, "An old story the editors keep on top", "Kept on top.", DateTime.UtcNow.AddYears(-2));
        await TestArticles.UpdateAsync(server, old.Id, a => a.IsSticky = true);
        var stickyUrl = await server.UrlOfAsync(old.Slug);

        var first = await HomeListAsync(client, 1);
        var second = await HomeListAsync(client, 2);

        Assert.Equal(stickyUrl, first[0]);
        Assert.Equal(before.Take(before.Count - 1), first.Skip(1));
        // The story page one gave up opens page two, and the sticky story is not listed again.
        Assert.Equal(before[^1], second[0]);
        Assert.Equal(secondBefore.Take(secondBefore.Count - 1), second.Skip(1));
        Assert.DoesNotContain(stickyUrl, second);
    }

    /// <summary>The stories of the home page's own list (page one also shows sections below it).</summary>
    private static async Task<List<string>> HomeListAsync(HttpClient client, int page)
    {
        var (_, document) = await client.GetPageAsync(page == 1 ? "/" : $"/?page={page}");
        var list = page == 1 ? document.QuerySelectorAll("section.front .card-headline a") : document.QuerySelectorAll(".card-headline a");
        return list.Select(a => a.GetAttribute("href")!).ToList();
    }
}