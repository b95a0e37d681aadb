using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>
/// A dated correction or update appended to a live story: asked for first, then on the page, in
/// the feed and in JSON-LD at once, kept in the revisions; bad input refused with the words kept.
/// </summary>
public sealed class ArticleNoteTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_confirmed_correction_shows_on_the_cached_page_in_the_feed_and_json_ld_and_in_the_revisions()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "notes-editor@example.org", Roles.Editor);
        const string headline = "Saltmarsh bridge tender reopened";
        var id = await editor.WriteAsync(headline, "The council reopened the tender for the saltmarsh bridge.", "publish");
        var url = await NewsroomWriting.PublicUrlAsync(Server, id);
        using var reader = Server.CreateClient();
        Assert.DoesNotContain("story-notes", await reader.GetStringAsync(url)); // cached from now on
        const string text = "An earlier version said the tender closes in May; it closes in <June> & not before.";
        var notes = $"/newsroom/articles/{id}/notes";

        // Asked first, naming the story; nothing is on the site yet and the words stay in the form.
        var asked = await editor.PostFormAsync(notes, new() { ["Kind"] = "Correction", ["Text"] = text });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = Html.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Contains($"Append this correction to \u201c{headline}\u201d?", page.QuerySelector(".confirm")!.TextContent);
        Assert.Equal(text, page.QuerySelector("textarea[name=Text]")!.TextContent);
        Assert.Equal("note-form", page.QuerySelector(".confirm button[type=submit]")!.GetAttribute("form"));
        Assert.DoesNotContain("story-notes", await reader.GetStringAsync(url));

        var appended = await editor.PostFormAsync(notes, new() { ["Kind"] = "Correction", ["Text"] = text, ["confirm"] = "append-note" });
        Assert.Equal(HttpStatusCode.Redirect, appended.StatusCode);

        // The cached story changed at once, the note encoded as text.
        var story = (await reader.GetPageAsync(url)).Document;
        var note = story.QuerySelector(".story-notes .story-note-correction")!;
        Assert.Contains(text, note.TextContent);
        Assert.StartsWith("Correction", note.TextContent);
        Assert.NotNull(note.QuerySelector("time[datetime]"));
        Assert.NotNull(story.QuerySelector(".updated"));
        var jsonLd = story.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "NewsArticle");
        var correction = jsonLd.GetProperty("correction")[0];
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.Equal(text, correction.GetProperty("text").GetString());

        // In the feed as HTML a reader shows as typed: "<June> & not" encoded once for HTML.
        var item = XDocument.Parse(await reader.GetStringAsync("/feed")).Descendants("item")
            .Single(i => i.Element("title")!.Value == headline);
        var description = item.Element("description")!.Value;
        Assert.Contains("<strong>Correction</strong>", description);
        Assert.Contains("&lt;June&gt; &amp; not before.", description);

        // The history says what was noted, and who.
        var (_, revisions) = await editor.Client.GetPageAsync($"/newsroom/articles/{id}/revisions");
        Assert.Contains("Correction added: An earlier version said", revisions.Body!.TextContent);

        // An update follows; both show, in order, and only the correction is a CorrectionComment.
        await editor.PostFormAsync(notes, new() { ["Kind"] = "Update", ["Text"] = "The council met again on Friday.", ["confirm"] = "append-note" });
        var both = (await reader.GetPageAsync(url)).Document.QuerySelectorAll(".story-note").Select(n => n.TextContent).ToList();
        Assert.Equal(2, both.Count);
        Assert.StartsWith("Update", both[1]);
    }

    [Fact]
    public async Task Empty_overlong_and_draft_notes_are_refused_with_a_reason_and_the_words_kept_and_contributors_may_not_append()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "notes-checker@example.org", Roles.Editor);
        var live = await editor.WriteAsync("Heathland fire service review", "The review was published today.", "publish");
        var draft = await editor.WriteAsync("Heathland draft not yet out", "Still being written.", "save");

        var empty = await editor.PostFormAsync($"/newsroom/articles/{live}/notes", new() { ["Kind"] = "Correction", ["Text"] = "   ", ["confirm"] = "append-note" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Write what the note says.", await empty.Content.ReadAsStringAsync());

        var longText = new string('x', 1001);
        var overlong = await editor.PostFormAsync($"/newsroom/articles/{live}/notes", new() { ["Kind"] = "Update", ["Text"] = longText, ["confirm"] = "append-note" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlong.StatusCode);
        var overlongPage = Html.Parse(await overlong.Content.ReadAsStringAsync());
        Assert.Contains("at most 1000 characters; this one has 1001", overlongPage.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal(longText, overlongPage.QuerySelector("textarea[name=Text]")!.TextContent);

        var onDraft = await editor.PostFormAsync($"/newsroom/articles/{draft}/notes", new() { ["Kind"] = "Correction", ["Text"] = "Too early.", ["confirm"] = "append-note" }, $"/newsroom/articles/edit/{draft}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onDraft.StatusCode);
        Assert.Contains("Only a published story", await onDraft.Content.ReadAsStringAsync());

        var badKind = await editor.PostFormAsync($"/newsroom/articles/{live}/notes", new() { ["Kind"] = "Retraction", ["Text"] = "Hm.", ["confirm"] = "append-note" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);

        using var contributor = await NewsroomSession.SignInAsync(Server, "notes-contributor@example.org", Roles.Contributor);
        var refused = await contributor.PostFormAsync($"/newsroom/articles/{live}/notes", new() { ["Kind"] = "Correction", ["Text"] = "Mine.", ["confirm"] = "append-note" }, "/newsroom");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden, $"a contributor got {refused.StatusCode}");
        Assert.Equal(0, await NoteCountAsync(live));
    }

    private async Task<int> NoteCountAsync(int articleId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
        return db.ArticleNotes.Count(n => n.ArticleId == articleId);
    }
}