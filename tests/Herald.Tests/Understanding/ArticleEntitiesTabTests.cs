using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>A demo site of its own: these tests change what readers are told about entities.</summary>
public sealed class ArticleEntitiesTabSiteFixture : SqliteSiteFixture;

/// <summary>
/// The editor's "Entities" tab of a story, over real HTTP: it lists what the analysis found in the
/// story and its quotes, and retypes, hides, shows and detaches through the same corrections as the
/// entity pages; only editors reach it.
/// </summary>
public sealed class ArticleEntitiesTabTests(ArticleEntitiesTabSiteFixture fixture) : IClassFixture<ArticleEntitiesTabSiteFixture>
{
    private const string Story =
        "Harbour Commissioner Ragnhild Østby met Vestvik Fishermen on Monday.\n\n"
        + "“The quota is too low,” Vestvik Fishermen said in a statement.\n\n"
        + "Later the Vestvik Fishermen's Association, which speaks for 40 crews, said the talks would go on.\n";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task An_editor_retypes_hides_shows_and_detaches_from_the_story_s_entities_tab()
    {
        var story = await Server.PublishAsync("tab-quota-talks", Story);
        var wrong = await Server.EntityInAsync(story, "Vestvik Fishermen", EntityType.Person);
        var tab = $"/newsroom/articles/{story}/entities";
        using var editor = await NewsroomSession.SignInAsync(Server, "tab-editor@example.org", Roles.Editor);
        using var reader = Server.CreateClient();

        // The editor reaches the tab from the story's editor.
        var (_, edit) = await editor.Client.GetPageAsync($"/newsroom/articles/edit/{story}");
        Assert.NotNull(edit.QuerySelector($".editor-links a[href='{tab}']"));
        var (listed, page) = await editor.Client.GetPageAsync(tab);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var row = page.QuerySelector($"#story-entity-{wrong.Id}")!;
        Assert.Contains("a person", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/newsroom/entities/{wrong.Id}']"));
        var quote = await Server.QuoteIdAsync(story, "The quota is too low");
        Assert.Contains("Said by Vestvik Fishermen", page.QuerySelector($"#story-quote-{quote}")!.TextContent, StringComparison.Ordinal);

        // Retyped: confirmed as an organisation, its person address leads to the organisation's.
        var retyped = await editor.PostFormAsync($"{tab}?handler=Retype&entity={wrong.Id}", new() { ["type"] = "Organization" }, tab);
        Assert.Equal(HttpStatusCode.Redirect, retyped.StatusCode);
        Assert.Equal(tab, retyped.Headers.Location?.OriginalString);
        Assert.Equal((EntityType.Organization, EntityReview.Confirmed), await TypeAndReviewAsync(wrong.Id));
        await EntityStories.EventuallyAsync(async () => (await reader.GetAsync("/people/vestvik-fishermen")).Headers.Location?.OriginalString == "/organisations/vestvik-fishermen",
            "the person's address does not lead to the organisation");

        // Hiding asks first, saying it holds for every story.
        var asked = await editor.PostFormAsync($"{tab}?handler=Hide&entity={wrong.Id}", [], tab);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Hide the organisation \"Vestvik Fishermen\" from every public page?", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EntityReview.Confirmed, (await TypeAndReviewAsync(wrong.Id)).Review);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{tab}?handler=Hide&entity={wrong.Id}", new() { ["confirm"] = "hide" }, tab)).StatusCode);
        Assert.Equal(EntityReview.Hidden, (await TypeAndReviewAsync(wrong.Id)).Review);
        await reader.EventuallyStatusAsync("/organisations/vestvik-fishermen", HttpStatusCode.NotFound);
        (_, page) = await editor.Client.GetPageAsync(tab);
        Assert.Contains("No: hidden", page.QuerySelector($"#story-entity-{wrong.Id}")!.TextContent, StringComparison.Ordinal);

        // Shown again: an editor's confirmation under its present type.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{tab}?handler=Show&entity={wrong.Id}", [], tab)).StatusCode);
        Assert.Equal((EntityType.Organization, EntityReview.Confirmed), await TypeAndReviewAsync(wrong.Id));
        await reader.EventuallyStatusAsync("/organisations/vestvik-fishermen", HttpStatusCode.OK);

        // The quote was the association's statement, not this entity's: detached after confirming, and kept so.
        var detachAsked = await editor.PostFormAsync($"{tab}?handler=Detach&quote={quote}", [], tab);
        Assert.Contains("Detach \"The quota is too low", Html.Parse(await detachAsked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(wrong.Id, await Server.SpeakerOfAsync(story, "The quota is too low"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{tab}?handler=Detach&quote={quote}", new() { ["confirm"] = "detach" }, tab)).StatusCode);
        Assert.Null(await Server.SpeakerOfAsync(story, "The quota is too low"));
        await Server.AnalyzeAsync(story);
        Assert.Null(await Server.SpeakerOfAsync(story, "The quota is too low"));
        (_, page) = await editor.Client.GetPageAsync(tab);
        Assert.Contains("No speaker", page.QuerySelector($"#story-quote-{await Server.QuoteIdAsync(story, "The quota is too low")}")!.TextContent, StringComparison.Ordinal);

        // Every decision is in the entity's history.
        var (_, history) = await editor.Client.GetPageAsync($"/newsroom/entities/{wrong.Id}");
        var lines = history.QuerySelectorAll(".entity-history li").Select(li => li.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("Confirmed \"Vestvik Fishermen\" as an organisation", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Hid \"Vestvik Fishermen\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Detached the quote \"The quota is too low", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Bad_requests_to_the_tab_are_refused_with_a_reason_and_change_nothing()
    {
        var story = await Server.PublishAsync("tab-bad-input", Story.Replace("Vestvik", "Nesvik", StringComparison.Ordinal));
        var other = await Server.PublishAsync("tab-other-story", "“Nothing to add,” said Torunn Hella, the harbour director, on Friday.\n");
        var entity = await Server.EntityInAsync(story, "Nesvik Fishermen", EntityType.Person);
        var elsewhere = (await Server.QueryAsync(db => db.Set<EntityMention>().Where(m => m.ArticleId == other).Select(m => m.EntityId).ToListAsync())).First();
        var foreignQuote = await Server.QuoteIdAsync(other, "Nothing to add");
        var tab = $"/newsroom/articles/{story}/entities";
        using var editor = await NewsroomSession.SignInAsync(Server, "tab-careless@example.org", Roles.Editor);

        async Task RefusedAsync(string path, Dictionary<string, string> fields, string reason)
        {
            var response = await editor.PostFormAsync(path, fields, tab);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(reason, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);
        }
        foreach (var type in new[] { "Banana", "2", "", "Place,Person" })
        {
            await RefusedAsync($"{tab}?handler=Retype&entity={entity.Id}", new() { ["type"] = type }, "Choose person, organisation or place");
        }
        await RefusedAsync($"{tab}?handler=Retype&entity={elsewhere}", new() { ["type"] = "Place" }, "not named in this story");
        await RefusedAsync($"{tab}?handler=Hide&entity=987654", new() { ["confirm"] = "hide" }, "not named in this story");
        await RefusedAsync($"{tab}?handler=Detach&quote={foreignQuote}", new() { ["confirm"] = "detach" }, "no speaker in this story");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync("/newsroom/articles/987654/entities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostFormAsync($"/newsroom/articles/987654/entities?handler=Show&entity={entity.Id}", [], tab)).StatusCode);

        Assert.Equal((EntityType.Person, EntityReview.Unreviewed), await TypeAndReviewAsync(entity.Id));
        Assert.NotNull(await Server.SpeakerOfAsync(other, "Nothing to add"));
    }

    [SkippableFact]
    public async Task Only_editors_see_the_tab()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "tab-author@example.org", Roles.Author);
        var own = await author.WriteAsync("Harbour fees rise in spring", "Harbour Commissioner Ragnhild Østby said fees would rise.");

        var (_, edit) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{own}");
        Assert.NotNull(edit.QuerySelector($".editor-links a[href='/newsroom/articles/{own}/revisions']"));
        Assert.Null(edit.QuerySelector($"a[href='/newsroom/articles/{own}/entities']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/newsroom/articles/{own}/entities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync($"/newsroom/articles/{own}/entities?handler=Show&entity=1", [], "/newsroom")).StatusCode);
    }

    private async Task<(EntityType Type, EntityReview Review)> TypeAndReviewAsync(int id)
    {
        var entity = await Server.QueryAsync(db => db.Set<NamedEntity>().AsNoTracking().SingleAsync(e => e.Id == id));
        return (entity.Type, entity.Review);
    }
}