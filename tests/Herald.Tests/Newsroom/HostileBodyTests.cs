using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Bodies built to break the renderer, sent through every newsroom door a writer has: preview,
/// save and autosave each answer 422 naming the body and the line, the words typed come back
/// untouched, and the autosave answer stays JSON for the editor's script.
/// </summary>
public sealed class HostileBodyTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    public static TheoryData<string, string> Bodies => new()
    {
        { "128 nested quotes", "Intro.\n\n" + new string('>', 128) + " deep" },
        { "60,000 brackets", "Intro.\n\n" + new string('[', 60_000) },
        { "a list nested 128 deep", string.Concat(Enumerable.Range(0, 128).Select(i => new string(' ', i * 2) + "- item\n")) },
        { "5,000 nested HTML elements", string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<b class=\"c{i}\">")) + "x" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_preview_answers_422_with_the_reason_as_text(string name, string body)
    {
        using var author = await NewsroomSession.SignInAsync(Server, "preview-deep@example.org", Roles.Author);
        var response = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = body }, "/newsroom");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("body", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text);
        Assert.True(text.Length < 500, name);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Saving_answers_422_naming_the_body_and_keeps_every_word(string name, string body)
    {
        using var author = await NewsroomSession.SignInAsync(Server, "save-deep@example.org", Roles.Author);
        var response = await author.PostEditorAsync(0, NewsroomWriting.Fields($"Deep: {name}", body));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("body", page.QuerySelector(".form-problem")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal($"Deep: {name}", page.QuerySelector("input[name='Form.Headline']")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Autosave_answers_json_422_and_keeps_the_words_aside(string name, string body)
    {
        using var author = await NewsroomSession.SignInAsync(Server, "autosave-deep@example.org", Roles.Author);
        var id = await author.WriteAsync($"Draft for {name}", "A sane first version.");
        var version = (await NewsroomWriting.LoadAsync(Server, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await author.PostFormAsync($"/newsroom/articles/edit/{id}?handler=autosave",
            NewsroomWriting.Fields($"Draft for {name}", body, ("Form.Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Version", version)), "/newsroom");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
        Assert.StartsWith("Not saved: ", message);
        Assert.Contains("body", message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("A sane first version.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);
        // The words are not lost: the editor offers them back as this person's autosave.
        var (_, editor) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        Assert.NotNull(editor.QuerySelector(".notice-restore"));
    }

    [Fact]
    public async Task Headings_named_like_the_page_parts_do_not_take_their_ids()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "anchors@example.org", Roles.Author);
        var id = await author.WriteAsync("A story with sections named like the page", """
            ## Comments

            What readers said. [Jump to the second part](#respond).

            ## Respond

            The reply.
            """, "publish");

        using var reader = Server.CreateClient();
        var (_, page) = await reader.GetPageAsync(await NewsroomWriting.PublicUrlAsync(Server, id));

        Assert.Single(page.QuerySelectorAll("[id='comments']"));
        Assert.Equal("SECTION", page.GetElementById("comments")!.TagName);
        Assert.Single(page.QuerySelectorAll("[id='respond']"));
        Assert.NotNull(page.QuerySelector("#respond form#commentform"));
        var body = page.QuerySelector(".story-body")!;
        Assert.Equal(["h-comments", "h-respond"], body.QuerySelectorAll("h2").Select(h => h.Id ?? "").ToArray());
        Assert.Equal("#h-respond", body.QuerySelector("a[href^='#']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_taken_slug_does_not_reveal_the_headline_of_someone_elses_draft()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "secret-draft@example.org", Roles.Editor);
        await editor.WriteAsync("Minister to resign on Friday", "Embargoed.", "save", ("Form.Slug", "big-scoop"));
        using var contributor = await NewsroomSession.SignInAsync(Server, "curious@example.org", Roles.Contributor);

        var response = await contributor.PostEditorAsync(0, NewsroomWriting.Fields("My story", "My words.", ("Form.Slug", "big-scoop")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already taken by another article", Html.Parse(text).QuerySelector(".form-problem")!.TextContent);
        Assert.DoesNotContain("Minister", text);
        Assert.DoesNotContain("resign", text);
    }
}