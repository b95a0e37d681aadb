using System.Globalization;
using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles;

/// <summary>
/// A story an editor (or a WordPress archive) made sticky leads the home page, once; the cached
/// home page follows the editor's checkbox at once. Run against SQLite and PostgreSQL.
/// </summary>
public abstract class StickyHomeTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task An_editor_makes_a_story_sticky_it_leads_page_one_at_once_and_clearing_it_puts_the_pages_back()
    {
        using var client = Server.CreateClient();
        // Read first, so the pages are in the output cache: the editor's save must evict them.
        var before = await HomeListAsync(client, 1);
        var secondBefore = await HomeListAsync(client, 2);
        var old = await TestArticles.AddAsync(Server, "An old story the editors keep on top", "Kept on top.", DateTime.UtcNow.AddYears(-2));
        var stickyUrl = await Server.UrlOfAsync(old.Slug);
        using var editor = await NewsroomSession.SignInAsync(Server, "sticky-editor@example.org", Roles.Editor);

        await SaveAsync(editor, old.Id, old.Headline, sticky: true);
        var first = await HomeListAsync(client, 1);
        var second = await HomeListAsync(client, 2);

        Assert.True((await NewsroomWriting.LoadAsync(Server, old.Id)).IsSticky);
        Assert.Equal(stickyUrl, first[0]);
        Assert.Equal(before.Take(before.Count - 1), first.Skip(1));
        // The story page one gave up opens page two, and the sticky story is not listed again.
        Assert.Equal(before[^1], second[0]);
        Assert.Equal(secondBefore.Take(secondBefore.Count - 1), second.Skip(1));
        Assert.DoesNotContain(stickyUrl, second);
        var editorPage = Html.Parse(await editor.Client.GetStringAsync($"/newsroom/articles/edit/{old.Id}"));
        Assert.NotNull(editorPage.QuerySelector("input[name='Form.IsSticky'][type=checkbox][checked]"));

        await SaveAsync(editor, old.Id, old.Headline, sticky: false);

        Assert.False((await NewsroomWriting.LoadAsync(Server, old.Id)).IsSticky);
        Assert.Equal(before, await HomeListAsync(client, 1));
        Assert.Equal(secondBefore, await HomeListAsync(client, 2));
    }

    [SkippableFact]
    public async Task The_newest_sticky_story_comes_first_and_only_published_ones_count()
    {
        using var client = Server.CreateClient();
        var older = await TestArticles.AddAsync(Server, "Sticky from last year", "Older.", DateTime.UtcNow.AddYears(-1));
        var newer = await TestArticles.AddAsync(Server, "Sticky from last month", "Newer.", DateTime.UtcNow.AddMonths(-1));
        var draft = await TestArticles.AddAsync(Server, "A sticky draft nobody may see", "Hidden.", DateTime.UtcNow.AddDays(-1), Herald.Articles.ArticleStatus.Draft);
        using var editor = await NewsroomSession.SignInAsync(Server, "sticky-order@example.org", Roles.Editor);
        await SaveAsync(editor, older.Id, older.Headline, sticky: true);
        await SaveAsync(editor, newer.Id, newer.Headline, sticky: true);
        await SaveAsync(editor, draft.Id, draft.Headline, sticky: true);
        try
        {
            var first = await HomeListAsync(client, 1);

            Assert.Equal([await Server.UrlOfAsync(newer.Slug), await Server.UrlOfAsync(older.Slug)], first.Take(2));
            Assert.DoesNotContain(first, url => url.Contains(draft.Slug, StringComparison.Ordinal));
        }
        finally
        {
            await SaveAsync(editor, older.Id, older.Headline, sticky: false);
            await SaveAsync(editor, newer.Id, newer.Headline, sticky: false);
        }
    }

    [SkippableFact]
    public async Task Only_editors_decide_what_is_sticky()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "sticky-author@example.org", Roles.Author);
        var id = await author.WriteAsync("An author would like the top spot", "Please.", "publish", ("Form.IsSticky", "true"));

        Assert.False((await NewsroomWriting.LoadAsync(Server, id)).IsSticky);
        var page = Html.Parse(await author.Client.GetStringAsync($"/newsroom/articles/edit/{id}"));
        Assert.Null(page.QuerySelector("input[name='Form.IsSticky']"));
    }

    [SkippableFact]
    public async Task A_sticky_story_leads_page_one_and_shows_in_no_section_block_below_it()
    {
        using var client = Server.CreateClient();
        var story = await TestArticles.AddAsync(Server, "A sticky story from the business desk", "On top.", DateTime.UtcNow.AddYears(-3));
        using var editor = await NewsroomSession.SignInAsync(Server, "sticky-blocks@example.org", Roles.Editor);
        await SaveAsync(editor, story.Id, story.Headline, sticky: true);
        try
        {
            var (_, document) = await client.GetPageAsync("/");
            var top = document.QuerySelectorAll("section.front .card-headline a").Select(a => a.GetAttribute("href")!).ToList();
            var blocks = document.QuerySelectorAll("section.home-section")
                .Select(block => block.QuerySelectorAll(".card-headline a").Select(a => a.GetAttribute("href")!).ToList()).ToList();

            Assert.Equal(await Server.UrlOfAsync(story.Slug), top[0]);
            Assert.NotEmpty(blocks);
            // No story twice on the page: each block leaves out what the list above shows, and still fills up.
            Assert.All(blocks, block => Assert.Empty(block.Intersect(top)));
            Assert.Equal(blocks.Sum(b => b.Count), blocks.SelectMany(b => b).Distinct().Count());
            Assert.All(blocks, block => Assert.InRange(block.Count, 1, 4));
        }
        finally
        {
            await SaveAsync(editor, story.Id, story.Headline, sticky: false);
        }
    }

    [SkippableFact]
    public async Task A_story_published_in_the_newsroom_leads_the_home_page_at_once_and_counts_in_its_pages()
    {
        using var client = Server.CreateClient();
        var before = await HomeListAsync(client, 1);
        using var editor = await NewsroomSession.SignInAsync(Server, "home-publish@example.org", Roles.Editor);

        var id = await editor.WriteAsync("Fresh off the newsroom floor", "Just published.", "publish");
        var after = await HomeListAsync(client, 1);

        Assert.Equal(await Server.UrlOfAsync((await NewsroomWriting.LoadAsync(Server, id)).Slug), after[0]);
        Assert.Equal(before.Take(before.Count - 1), after.Skip(1));
        // The pager counts the new story too: its total is the stories a reader may see now, ten a page.
        await using var scope = Server.Services.CreateAsyncScope();
        var stories = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles
            .WherePublic(DateTime.UtcNow).CountAsync(a => a.Kind == ArticleKind.Story);
        Assert.Equal(Math.Max(1, (stories + 9) / 10), (await PagerAsync(client)).Total);
    }

    /// <summary>The page count the home page's pager states ("Page 1 of N"); 1 when there is no pager.</summary>
    private static async Task<(int Total, string Text)> PagerAsync(HttpClient client)
    {
        var (_, document) = await client.GetPageAsync("/");
        var text = document.QuerySelector("nav.pager span")?.TextContent ?? "Page 1 of 1";
        return (int.Parse(text[(text.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture), text);
    }

    /// <summary>Saves a story in the editor as an editor would, with the sticky box ticked or not.</summary>
    private async Task SaveAsync(NewsroomSession editor, int id, string headline, bool sticky)
    {
        var article = await NewsroomWriting.LoadAsync(Server, id);
        var fields = NewsroomWriting.Fields(headline, article.BodySource,
            ("Form.Version", article.Version.ToString(CultureInfo.InvariantCulture)), ("Form.Slug", article.Slug));
        if (article.PrimaryCategoryId is { } section)
        {
            fields["Form.PrimaryCategoryId"] = section.ToString(CultureInfo.InvariantCulture);
        }
        if (sticky)
        {
            fields["Form.IsSticky"] = "true";
        }
        var response = await editor.PostEditorAsync(id, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The stories of the home page's own list (page one also shows sections below it).</summary>
    private static async Task<List<string>> HomeListAsync(HttpClient client, int page)
    {
        var (_, document) = await client.GetPageAsync(page == 1 ? "/" : $"/?page={page}");
        var list = page == 1 ? document.QuerySelectorAll("section.front .card-headline a") : document.QuerySelectorAll(".card-headline a");
        return list.Select(a => a.GetAttribute("href")!).ToList();
    }
}

public sealed class SqliteStickyHomeTests(SqliteSiteFixture fixture) : StickyHomeTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresStickyHomeTests(PostgresSiteFixture fixture) : StickyHomeTests(fixture), IClassFixture<PostgresSiteFixture>;