using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Deleting in the newsroom moves a story to the trash: off the site everywhere, its address 410
/// Gone, everything kept; a restore brings it back, and a live story leaves or returns only once
/// the person confirmed it by name.
/// </summary>
public sealed class TrashTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_trashed_story_answers_410_is_public_nowhere_and_comes_back_at_its_address_once_restored()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "trash-editor@example.org", Roles.Editor);
        const string headline = "Quillwort ferry timetable changes";
        var id = await editor.WriteAsync(headline, "The quillwort crossing leaves at seven.", "publish", ("Form.Tags", "quillwort"));
        var article = await NewsroomWriting.LoadAsync(Server, id);
        var url = await NewsroomWriting.PublicUrlAsync(Server, id);
        using var reader = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        Assert.Contains(headline, await reader.GetStringAsync("/"));
        var revisionsBefore = await CountAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

        // Asked without the confirmation, nothing happens, and the page says why, naming the story.
        var asked = await editor.PostFormAsync($"/newsroom/articles/edit/{id}?handler=delete", [], $"/newsroom/articles/edit/{id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!;
        Assert.Contains($"Move \"{headline}\" to the trash?", question.TextContent);
        Assert.Contains("leave the site", question.TextContent);
        Assert.Equal("trash", question.QuerySelector("input[name=confirm]")!.GetAttribute("value"));
        Assert.Equal(ArticleStatus.Published, (await NewsroomWriting.LoadAsync(Server, id)).Status);

        var trashed = await editor.PostFormAsync($"/newsroom/articles/edit/{id}?handler=delete", new() { ["confirm"] = "trash" }, $"/newsroom/articles/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        var stored = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal(ArticleStatus.Trashed, stored.Status);
        Assert.Equal(ArticleStatus.Published, stored.StatusBeforeTrash);
        Assert.NotNull(stored.TrashedAt);
        Assert.Equal(article.Slug, stored.Slug);
        Assert.Equal(revisionsBefore + 1, await CountAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));

        // Gone, with a page a person can read, and in no list, feed, search, sitemap or API.
        var gone = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("This story has been removed", await gone.Content.ReadAsStringAsync());
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"));
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/feed"));
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/tag/quillwort"));
        Assert.DoesNotContain(headline, (await reader.GetPageAsync("/search?q=quillwort")).Document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(url, await SitemapTests.GetXmlAsync(reader, "/news-sitemap.xml"));
        Assert.Equal("[]", await reader.GetStringAsync($"/wp-json/wp/v2/posts?slug={article.Slug}"));

        // The trash lists it with who moved it there.
        var (_, trashPage) = await editor.Client.GetPageAsync("/newsroom/trash");
        var row = trashPage.QuerySelectorAll(".trash-list tbody tr").Single(r => r.TextContent.Contains(headline));
        Assert.Contains("trash-editor", row.TextContent);
        Assert.Contains("Published", row.TextContent);

        // Putting it back on the site asks too; confirmed, the same address answers again.
        var republish = await editor.PostFormAsync($"/newsroom/trash?handler=restore&id={id}", new() { ["republish"] = "true" }, "/newsroom/trash");
        Assert.Equal(HttpStatusCode.OK, republish.StatusCode);
        Assert.Contains($"Publish \"{headline}\" again?", Html.Parse(await republish.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent);
        Assert.Equal(ArticleStatus.Trashed, (await NewsroomWriting.LoadAsync(Server, id)).Status);
        var restored = await editor.PostFormAsync($"/newsroom/trash?handler=restore&id={id}", new() { ["republish"] = "true", ["confirm"] = "republish" }, "/newsroom/trash");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var back = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal(ArticleStatus.Published, back.Status);
        Assert.Null(back.TrashedAt);
        Assert.Equal(article.PublishedAt, back.PublishedAt);
        Assert.Equal(url, await NewsroomWriting.PublicUrlAsync(Server, id));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        Assert.Contains(headline, await reader.GetStringAsync("/"));
        // A query of its own, so no cached answer from before stands in for the search.
        Assert.Contains(headline, (await reader.GetPageAsync("/search?q=Quillwort")).Document.QuerySelector("main")!.TextContent);
        Assert.Contains(url, await SitemapTests.GetXmlAsync(reader, "/news-sitemap.xml"));
    }

    [Fact]
    public async Task A_story_with_comments_keeps_them_and_its_tags_through_the_trash_and_comes_back_unpublished_unless_confirmed()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "trash-keeper@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Harbour seals counted", "Forty seals on the sandbank.", "publish", ("Form.Tags", "seals, sandbank"));
        await FirstAsync(async db =>
        {
            db.Comments.Add(new Herald.Comments.Comment
            {
                ArticleId = id,
                AuthorName = "A reader",
                AuthorEmail = "reader@example.org",
                Body = "I counted forty-one.",
                Status = Herald.Comments.ModerationStatus.Approved,
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var tags = 2;
        var comments = await CountAsync(db => db.Comments.CountAsync(c => c.ArticleId == id));
        Assert.Equal(1, comments);
        var url = await NewsroomWriting.PublicUrlAsync(Server, id);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/articles/edit/{id}?handler=delete", new() { ["confirm"] = "trash" }, "/newsroom")).StatusCode);
        using var reader = Server.CreateClient();
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync(url)).StatusCode);
        // Its editor sends people to the trash rather than let them edit a story nobody can see.
        var edit = await editor.Client.GetAsync($"/newsroom/articles/edit/{id}");
        Assert.Equal("/newsroom/trash", edit.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/trash?handler=restore&id={id}", [], "/newsroom/trash")).StatusCode);
        var back = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal(ArticleStatus.Unpublished, back.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
        Assert.Equal(comments, await CountAsync(db => db.Comments.CountAsync(c => c.ArticleId == id)));
        Assert.Equal(tags, await CountAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Tags.Count).SingleAsync()));
    }

    [Fact]
    public async Task A_contributor_trashes_only_their_own_drafts_and_only_an_editor_deletes_for_good()
    {
        using var contributor = await NewsroomSession.SignInAsync(Server, "trash-contributor@example.org", Roles.Contributor);
        var own = await contributor.WriteAsync("A contributor's abandoned draft", "Not going anywhere.");
        var theirs = await NewsroomWriting.SomeoneElsesArticleAsync(Server);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostFormAsync($"/newsroom/articles/edit/{theirs}?handler=delete", new() { ["confirm"] = "trash" }, "/newsroom")).StatusCode);
        Assert.NotEqual(ArticleStatus.Trashed, (await NewsroomWriting.LoadAsync(Server, theirs)).Status);

        // A draft leaves no page behind: it goes to the trash without a question.
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.PostFormAsync($"/newsroom/articles/edit/{own}?handler=delete", [], "/newsroom")).StatusCode);
        Assert.Equal(ArticleStatus.Trashed, (await NewsroomWriting.LoadAsync(Server, own)).Status);
        var (_, trash) = await contributor.Client.GetPageAsync("/newsroom/trash");
        Assert.Contains("A contributor's abandoned draft", trash.QuerySelector(".trash-list")!.TextContent);
        Assert.Empty(trash.QuerySelectorAll("button.danger"));
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostFormAsync($"/newsroom/trash?handler=deleteForever&id={own}", new() { ["confirm"] = "delete-forever" }, "/newsroom/trash")).StatusCode);

        using var editor = await NewsroomSession.SignInAsync(Server, "trash-emptier@example.org", Roles.Editor);
        var asked = await editor.PostFormAsync($"/newsroom/trash?handler=deleteForever&id={own}", [], "/newsroom/trash");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Delete \"A contributor's abandoned draft\" for good?", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent);
        Assert.Equal(1, await CountAsync(db => db.Articles.CountAsync(a => a.Id == own)));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/trash?handler=deleteForever&id={own}", new() { ["confirm"] = "delete-forever" }, "/newsroom/trash")).StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Articles.CountAsync(a => a.Id == own)));
        Assert.Equal(0, await CountAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == own)));
    }

    [Fact]
    public async Task Unpublishing_asks_first_naming_the_story_and_keeps_what_was_typed()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "trash-unpublisher@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Lifeboat station open day", "Come and see the boats.", "publish");

        var asked = await editor.EditAsync(Server, id, "Lifeboat station open day", "Come and see the boats, and the crew.", "unpublish");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = Html.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Unpublish \"Lifeboat station open day\"?", page.QuerySelector(".confirm")!.TextContent);
        Assert.Equal("Come and see the boats, and the crew.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        // The confirm button sends the editor's own form, words and all.
        Assert.Equal("editor-form", page.QuerySelector(".confirm button")!.GetAttribute("form"));
        Assert.Equal(ArticleStatus.Published, (await NewsroomWriting.LoadAsync(Server, id)).Status);

        var done = await editor.EditAsync(Server, id, "Lifeboat station open day", "Come and see the boats, and the crew.", "unpublish", ("confirm", "unpublish"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ArticleStatus.Unpublished, (await NewsroomWriting.LoadAsync(Server, id)).Status);
    }

    [Fact]
    public async Task The_page_after_a_save_says_when_it_happened_and_names_the_version_it_stored()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "trash-saver@example.org", Roles.Author);
        var id = await author.WriteAsync("Harbour wall repairs", "Work begins.", "save", ("Form.Tags", "Harbour,  WALLS ,harbour"));
        var (_, page) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        var stored = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Matches(@"^Saved at \d\d:\d\d\.$", page.QuerySelector(".notice[data-saved-notice]")!.TextContent.Trim());
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("form.editor")!.GetAttribute("data-saved-version"));

        // The marker belongs to the page that follows a save only: a later visit has none.
        var (_, later) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        Assert.True(string.IsNullOrEmpty(later.QuerySelector("form.editor")!.GetAttribute("data-saved-version")));
        Assert.Null(later.QuerySelector(".notice[data-saved-notice]"));
    }

    private async Task<T> CountAsync<T>(Func<HeraldDbContext, Task<T>> query) => await FirstAsync(query);

    private async Task<T> FirstAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}