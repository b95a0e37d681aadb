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
    public void The_word_diff_keeps_spacing_and_marks_whole_words()
    {
        var pieces = WordDiff.Compare("The cat sat\non the mat.", "The dog sat\non the mat!");
        Assert.Equal("The cat sat\non the mat.", string.Concat(pieces.Where(p => p.Operation != DiffOperation.Added).Select(p => p.Text)));
        Assert.Equal("The dog sat\non the mat!", string.Concat(pieces.Where(p => p.Operation != DiffOperation.Removed).Select(p => p.Text)));
        Assert.Contains(pieces, p => p is { Operation: DiffOperation.Removed, Text: "cat" });
        Assert.Contains(pieces, p => p is { Operation: DiffOperation.Added, Text: "dog" });
    }
}