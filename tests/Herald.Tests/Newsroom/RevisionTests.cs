using System.Net;
using Herald.Accounts;
using Herald.Newsroom.Revisions;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

public sealed class RevisionTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Every_save_is_a_revision_with_a_readable_diff_and_restoring_makes_a_new_one()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "history@example.org", Roles.Author);
        var id = await author.WriteAsync("Tide tables", "High water at six.");
        await author.EditAsync(Server, id, "Tide tables", "High water at seven.");
        await author.EditAsync(Server, id, "Tide tables for the week", "High water at seven, low at one.");

        var (response, page) = await author.Client.GetPageAsync($"/newsroom/articles/{id}/revisions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.Contains("history", row.TextContent));
        Assert.Contains("one", string.Concat(page.QuerySelectorAll(".revision-diff ins").Select(i => i.TextContent)));

        var first = rows.Last().QuerySelector("input[name=to]")!.GetAttribute("value")!;
        var second = rows[1].QuerySelector("input[name=to]")!.GetAttribute("value")!;
        var (_, compared) = await author.Client.GetPageAsync($"/newsroom/articles/{id}/revisions?from={first}&to={second}");
        Assert.Equal("six", compared.QuerySelector(".revision-diff del")!.TextContent.Trim('.', ' '));

        var restore = await author.PostFormAsync($"/newsroom/articles/{id}/revisions?handler=restore", new() { ["revisionId"] = first }, $"/newsroom/articles/{id}/revisions");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var article = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal("High water at six.", article.BodySource);
        Assert.Equal("Tide tables", article.Headline);
        var (_, after) = await author.Client.GetPageAsync($"/newsroom/articles/{id}/revisions");
        Assert.Equal(4, after.QuerySelectorAll("tbody tr").Length);
        Assert.StartsWith("Restored revision 1", after.QuerySelector("tbody tr td:nth-child(3)")!.TextContent);
    }

    [Fact]
    public async Task Restoring_a_revision_of_a_live_story_makes_a_draft_beside_it_that_goes_live_only_when_confirmed()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "history-live@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Sea wall vote", "The council votes on Tuesday.", "publish");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.EditAsync(Server, id, "Sea wall vote", "The council voted for the wall.")).StatusCode);
        var url = await NewsroomWriting.PublicUrlAsync(Server, id);
        using var reader = Server.CreateClient();
        Assert.Contains("voted for the wall", await reader.GetStringAsync(url));

        var (_, history) = await editor.Client.GetPageAsync($"/newsroom/articles/{id}/revisions");
        var first = history.QuerySelectorAll("tbody tr").Last().QuerySelector("input[name=to]")!.GetAttribute("value")!;
        var restore = await editor.PostFormAsync($"/newsroom/articles/{id}/revisions?handler=restore", new() { ["revisionId"] = first }, $"/newsroom/articles/{id}/revisions");
        Assert.Equal($"/newsroom/articles/{id}/revisions/draft", restore.Headers.Location!.OriginalString);

        // The live story is untouched: readers and the editor still have the text it had.
        var live = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal("The council voted for the wall.", live.BodySource);
        Assert.Contains("voted for the wall", await reader.GetStringAsync(url));
        var (_, draftPage) = await editor.Client.GetPageAsync($"/newsroom/articles/{id}/revisions/draft");
        var columns = draftPage.QuerySelectorAll(".draft-column");
        Assert.Equal(2, columns.Length);
        Assert.Contains("The council voted for the wall.", columns[0].TextContent);
        Assert.Contains("The council votes on Tuesday.", columns[1].TextContent);
        Assert.NotNull((await editor.Client.GetPageAsync($"/newsroom/articles/edit/{id}")).Document.QuerySelector($"a[href='/newsroom/articles/{id}/revisions/draft']"));

        // Publishing it asks first, naming the story; nothing changes until it is confirmed.
        var version = live.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var asked = await editor.PostFormAsync($"/newsroom/articles/{id}/revisions/draft?handler=publish", new() { ["version"] = version }, $"/newsroom/articles/{id}/revisions/draft");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Publish this draft of \"Sea wall vote\"?", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent);
        Assert.Equal("The council voted for the wall.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);

        var published = await editor.PostFormAsync($"/newsroom/articles/{id}/revisions/draft?handler=publish",
            new() { ["version"] = version, ["confirm"] = "publish-draft" }, $"/newsroom/articles/{id}/revisions/draft");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("The council votes on Tuesday.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);
        Assert.Contains("votes on Tuesday", await reader.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync($"/newsroom/articles/{id}/revisions/draft")).StatusCode);

        // A draft may also be thrown away, leaving the live story as it is.
        var (_, again) = await editor.Client.GetPageAsync($"/newsroom/articles/{id}/revisions");
        var second = again.QuerySelectorAll("tbody tr").Skip(1).First().QuerySelector("input[name=to]")!.GetAttribute("value")!;
        await editor.PostFormAsync($"/newsroom/articles/{id}/revisions?handler=restore", new() { ["revisionId"] = second }, $"/newsroom/articles/{id}/revisions");
        var discarded = await editor.PostFormAsync($"/newsroom/articles/{id}/revisions/draft?handler=discard", [], $"/newsroom/articles/{id}/revisions/draft");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal("The council votes on Tuesday.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync($"/newsroom/articles/{id}/revisions/draft")).StatusCode);
    }

    [Fact]
    public void The_word_diff_keeps_spacing_and_marks_whole_words()
    {
        var pieces = WordDiff.Compare("The cat sat\non the mat.", "The dog sat\non the mat!");
        Assert.Equal("The cat sat\non the mat.", string.Concat(pieces.Where(p => p.Operation != DiffOperation.Added).Select(p => p.Text)));
        Assert.Equal("The dog sat\non the mat!", string.Concat(pieces.Where(p => p.Operation != DiffOperation.Removed).Select(p => p.Text)));
        Assert.Contains(pieces, p => p is { Operation: DiffOperation.Removed, Text: "cat" });
        Assert.Contains(pieces, p => p is { Operation: DiffOperation.Added, Text: "dog" });
    }
}