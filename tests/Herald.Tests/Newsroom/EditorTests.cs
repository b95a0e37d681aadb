using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Articles;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>The editor: slugs, validation that keeps the words, the live preview, autosave and conflicts.</summary>
public sealed class EditorTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Theory]
    [InlineData("Şehir için büyük ödül", "sehir-icin-buyuk-odul")]
    [InlineData("Новости дня в порту", "novosti-dnya-v-portu")]
    [InlineData("Crème brûlée wins the Straße prize", "creme-brulee-wins-the-strasse-prize")]
    public async Task Slugs_are_made_from_headlines_with_letters_transliterated(string headline, string slug)
    {
        using var author = await NewsroomSession.SignInAsync(Server, "slugs@example.org", Roles.Author);
        var id = await author.WriteAsync(headline);
        Assert.Equal(slug, (await NewsroomWriting.LoadAsync(Server, id)).Slug);
    }

    [Fact]
    public async Task Colliding_slugs_are_numbered_and_a_typed_collision_is_refused_with_the_words_kept()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "collide@example.org", Roles.Author);
        var first = await author.WriteAsync("Storm closes the bridge");
        var second = await author.WriteAsync("Storm closes the bridge");
        Assert.Equal("storm-closes-the-bridge", (await NewsroomWriting.LoadAsync(Server, first)).Slug);
        Assert.Equal("storm-closes-the-bridge-2", (await NewsroomWriting.LoadAsync(Server, second)).Slug);

        var response = await author.PostEditorAsync(0, NewsroomWriting.Fields("Another storm story", "Body I typed with care.", ("Form.Slug", "storm-closes-the-bridge")));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already taken by another article", page.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal("Body I typed with care.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Over_long_input_gets_a_clear_message_and_nothing_typed_is_lost()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "long@example.org", Roles.Author);
        var response = await author.PostEditorAsync(0, NewsroomWriting.Fields(new string('x', 301), "My precious paragraph."));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 300 characters", page.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal("My precious paragraph.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_imported_html_body_is_previewed_as_html_with_its_shortcodes()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "preview-html@example.org", Roles.Author);
        const string body = "The quay at night.\n\n[caption id=\"attachment_7\" width=\"300\"]<img src=\"/media/quay.png\" alt=\"The quay\"> Lamps on the quay[/caption]";

        var asHtml = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = body, ["Form.BodyFormat"] = "Html" }, "/newsroom");
        var html = await asHtml.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asHtml.StatusCode);
        Assert.Equal("Lamps on the quay", Html.Parse(html).QuerySelector("figure figcaption")!.TextContent.Trim());
        Assert.DoesNotContain("[caption", html);

        var asMarkdown = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = body }, "/newsroom");
        Assert.Contains("[caption", await asMarkdown.Content.ReadAsStringAsync());

        var bogus = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = body, ["Form.BodyFormat"] = "Word" }, "/newsroom");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Contains("Markdown or Html", await bogus.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_preview_is_the_sanitized_html_the_public_page_shows()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "preview@example.org", Roles.Author);
        const string body = "Para with **bold**.\n\n<script>alert(1)</script>\n\n- a list";
        var preview = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = body }, "/newsroom");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(new MarkdownRenderer().ToHtml(body), html);
        Assert.DoesNotContain("<script", html);

        var id = await author.WriteAsync("Preview matches the page", body, "publish");
        using var reader = Server.CreateClient();
        var (_, article) = await reader.GetPageAsync(await NewsroomWriting.PublicUrlAsync(Server, id));
        Assert.Equal(Html.Parse(html).Body!.InnerHtml.Trim(), article.QuerySelector(".story-body")!.InnerHtml.Trim());
    }

    [Fact]
    public async Task Two_people_saving_at_once_get_a_conflict_page_and_neither_text_is_lost()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "first@example.org", Roles.Editor);
        using var editor = await NewsroomSession.SignInAsync(Server, "second@example.org", Roles.Editor);
        var id = await author.WriteAsync("Shared story", "The original paragraph.");
        var loadedVersion = (await NewsroomWriting.LoadAsync(Server, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var theirs = await author.PostEditorAsync(id, NewsroomWriting.Fields("Shared story", "The author's rewritten paragraph.", ("Form.Version", loadedVersion)));
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        var mine = await editor.PostEditorAsync(id, NewsroomWriting.Fields("Shared story", "The editor's tightened paragraph.", ("Form.Version", loadedVersion)));
        var page = Html.Parse(await mine.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        Assert.Contains("first saved this article", page.QuerySelector(".conflict h2")!.TextContent);
        Assert.Contains("The author's rewritten paragraph.", page.QuerySelector(".conflict-text")!.TextContent);
        Assert.Contains("author", string.Concat(page.QuerySelectorAll(".conflict del").Select(d => d.TextContent)));
        Assert.Contains("editor", string.Concat(page.QuerySelectorAll(".conflict ins").Select(d => d.TextContent)));
        Assert.Equal("The editor's tightened paragraph.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Contains("You both changed the same part", page.QuerySelector(".conflict")!.TextContent);
        Assert.Null(page.QuerySelector("[data-merged]"));
        Assert.Equal("The author's rewritten paragraph.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);

        // Saving again from the conflict page, with both versions seen, is a deliberate choice.
        var version = page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var again = await editor.PostEditorAsync(id, NewsroomWriting.Fields("Shared story", "The editor's tightened paragraph.", ("Form.Version", version)));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("The editor's tightened paragraph.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);
    }

    [Fact]
    public async Task Two_people_changing_different_paragraphs_get_both_changes_joined_for_the_second_to_save()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "merge-first@example.org", Roles.Editor);
        using var editor = await NewsroomSession.SignInAsync(Server, "merge-second@example.org", Roles.Editor);
        const string opened = "The council met on Monday.\n\nThe vote was close.\n\nThe mayor left early.";
        var id = await author.WriteAsync("Council vote", opened);
        var loadedVersion = (await NewsroomWriting.LoadAsync(Server, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var theirs = await author.PostEditorAsync(id, NewsroomWriting.Fields("Council votes to keep the ferry",
            "The council met on Monday evening.\n\nThe vote was close.\n\nThe mayor left early.", ("Form.Version", loadedVersion)));
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        // The browser sends CRLF line ends; they are no change of their own.
        var mine = await editor.PostEditorAsync(id, NewsroomWriting.Fields("Council vote",
            "The council met on Monday.\r\n\r\nThe vote was close.\r\n\r\nThe mayor left before the vote, citing illness.", ("Form.Version", loadedVersion)));
        var page = Html.Parse(await mine.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        Assert.NotNull(page.QuerySelector(".conflict [data-merged]"));
        const string joined = "The council met on Monday evening.\n\nThe vote was close.\n\nThe mayor left before the vote, citing illness.";
        Assert.Equal(joined, page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("Council votes to keep the ferry", page.QuerySelector("input[name='Form.Headline']")!.GetAttribute("value"));
        // Joined in the editor, not saved: the first editor's version stands until the second saves.
        Assert.Equal("Council votes to keep the ferry", (await NewsroomWriting.LoadAsync(Server, id)).Headline);
        Assert.DoesNotContain("citing illness", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);

        var version = page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var saved = await editor.PostEditorAsync(id, NewsroomWriting.Fields("Council votes to keep the ferry", joined, ("Form.Version", version)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal(("Council votes to keep the ferry", joined), (stored.Headline, stored.BodySource.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Autosave_creates_and_updates_a_draft_and_keeps_live_changes_aside()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "autosave@example.org", Roles.Author);
        var created = await AutosaveAsync(author, 0, "Half-written story", "The first sentence");
        Assert.Equal(200, created.Status);
        var id = created.Json.GetProperty("id").GetInt32();
        var updated = await AutosaveAsync(author, id, "Half-written story", "The first sentence and the second.", created.Json.GetProperty("version").GetInt32());
        Assert.Equal(200, updated.Status);
        Assert.Equal("The first sentence and the second.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);

        Assert.Equal(HttpStatusCode.Redirect, (await author.EditAsync(Server, id, "Half-written story", "Finished.", "publish")).StatusCode);
        var live = await AutosaveAsync(author, id, "Half-written story", "Finished, then edited.", (await NewsroomWriting.LoadAsync(Server, id)).Version);
        Assert.False(live.Json.GetProperty("applied").GetBoolean());
        Assert.Equal("Finished.", (await NewsroomWriting.LoadAsync(Server, id)).BodySource);
        var (_, editor) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        Assert.Contains("autosave", editor.QuerySelector(".notice-restore")!.TextContent);
    }

    [Fact]
    public async Task Renaming_a_published_article_keeps_its_old_address_working()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "rename@example.org", Roles.Author);
        var id = await author.WriteAsync("Museum reopens after repairs", "Doors open at nine.", "publish");
        var oldUrl = await NewsroomWriting.PublicUrlAsync(Server, id);
        var rename = await author.EditAsync(Server, id, "Museum reopens after repairs", "Doors open at nine.", "save", ("Form.Slug", "museum-reopens"));
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);

        using var reader = Server.CreateClient();
        var response = await reader.GetAsync(oldUrl);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.EndsWith("/museum-reopens", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Publishing_evicts_the_cached_home_page()
    {
        using var reader = Server.CreateClient();
        await reader.GetStringAsync("/");
        using var author = await NewsroomSession.SignInAsync(Server, "cache@example.org", Roles.Author);
        await author.WriteAsync("Fresh news reaches the front page", "Straight away.", "publish");

        Assert.Contains("Fresh news reaches the front page", await reader.GetStringAsync("/"));
    }

    private static async Task<(int Status, JsonElement Json)> AutosaveAsync(NewsroomSession session, int id, string headline, string body, int version = 0)
    {
        var path = id == 0 ? "/newsroom/articles/edit?handler=autosave" : $"/newsroom/articles/edit/{id}?handler=autosave";
        var response = await session.PostFormAsync(path, NewsroomWriting.Fields(headline, body,
            ("Form.Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))), "/newsroom");
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}