using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>A demo site of its own: these tests change what readers are told about entities.</summary>
public sealed class EntityReviewSiteFixture : SqliteSiteFixture;

/// <summary>
/// Readers are told only what the analysis was sure of or an editor confirmed; editors decide in
/// /newsroom/entities, and their decisions outlast later analyses.
/// </summary>
public sealed class EntityReviewTests(EntityReviewSiteFixture fixture) : IClassFixture<EntityReviewSiteFixture>
{
    private const string StorySlug = "kestrel-maritime-anders-falk-steps-down";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task An_unsure_entity_waits_for_an_editor_who_confirms_retypes_or_hides_it()
    {
        var articleId = await ArticleIdAsync(StorySlug);
        var entityId = await AddUnsureEntityAsync("Pellervo Quist", EntityType.Person, articleId);
        using var reader = Server.CreateClient();
        var story = await Server.UrlOfAsync(StorySlug);

        // Found without confidence: no page, not named under the story, waiting in the newsroom.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/people/pellervo-quist")).StatusCode);
        Assert.DoesNotContain("Pellervo Quist", await TopicsUnderAsync(reader, story));
        using var editor = await NewsroomSession.SignInAsync(Server, "entity-editor@example.org", Roles.Editor);
        var (_, waiting) = await editor.Client.GetPageAsync("/newsroom/entities?show=waiting");
        Assert.NotNull(waiting.QuerySelector($"#entity-{entityId}"));

        // Confirmed, as the organisation it really is.
        var confirmed = await editor.PostFormAsync($"/newsroom/entities?handler=Confirm&id={entityId}", new() { ["type"] = "Organization" }, "/newsroom/entities");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await EventuallyAsync(reader, "/organisations/pellervo-quist", HttpStatusCode.OK);
        Assert.Contains("Pellervo Quist", await TopicsUnderAsync(reader, story));
        var (_, shown) = await editor.Client.GetPageAsync("/newsroom/entities?show=public&q=pellervo");
        Assert.NotNull(shown.QuerySelector($"#entity-{entityId}"));

        // Hidden: gone from every public page, however sure any analysis is.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/entities?handler=Hide&id={entityId}", [], "/newsroom/entities")).StatusCode);
        await EventuallyAsync(reader, "/organisations/pellervo-quist", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Pellervo Quist", await TopicsUnderAsync(reader, story));
        var (_, hidden) = await editor.Client.GetPageAsync("/newsroom/entities?show=hidden");
        Assert.NotNull(hidden.QuerySelector($"#entity-{entityId}"));
    }

    [SkippableFact]
    public async Task A_confirmed_type_holds_when_the_story_is_analysed_again()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = new Article
        {
            Slug = "entity-review-reanalysis",
            Headline = "Quota talks",
            Status = ArticleStatus.Draft,
            CreatedAt = DateTime.UtcNow,
            BodySource = "Harbour Commissioner Ragnhild Østby met Torvik Fishermen on Monday.\n\n“The quota is too low,” Torvik Fishermen said in a statement.\n",
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ArticleUnderstanding>().AnalyzeAsync(article.Id, CancellationToken.None);
        var found = await db.Set<EntityMention>().AsNoTracking().Where(m => m.ArticleId == article.Id && m.Entity.Name == "Torvik Fishermen")
            .Select(m => m.Entity).SingleAsync();

        using var editor = await NewsroomSession.SignInAsync(Server, "entity-retyper@example.org", Roles.Editor);
        var response = await editor.PostFormAsync($"/newsroom/entities?handler=Confirm&id={found.Id}&show=all", new() { ["type"] = "Organization" }, "/newsroom/entities");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var again = Server.Services.CreateAsyncScope();
        await again.ServiceProvider.GetRequiredService<ArticleUnderstanding>().AnalyzeAsync(article.Id, CancellationToken.None);
        var after = await again.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<EntityMention>().AsNoTracking()
            .Where(m => m.ArticleId == article.Id && m.Entity.Name == "Torvik Fishermen").Select(m => m.Entity).ToListAsync();
        var entity = Assert.Single(after);
        Assert.Equal(found.Id, entity.Id);
        Assert.Equal(EntityType.Organization, entity.Type);
        Assert.Equal(EntityReview.Confirmed, entity.Review);
    }

    [SkippableFact]
    public async Task A_refused_rename_says_why_and_keeps_what_was_typed()
    {
        var entityId = await AddUnsureEntityAsync("Saara Lindqvist", EntityType.Person, await ArticleIdAsync(StorySlug));
        using var editor = await NewsroomSession.SignInAsync(Server, "entity-renamer@example.org", Roles.Editor);
        var typed = "Saara " + new string('L', 300);

        var response = await editor.PostFormAsync($"/newsroom/entities?handler=Rename&id={entityId}&show=all", new() { ["name"] = typed }, "/newsroom/entities");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most 300 characters", page.QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector($"#name-{entityId}")!.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Only_editors_review_entities()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "entity-author@example.org", Roles.Author);
        var response = await author.Client.GetAsync("/newsroom/entities");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<int> ArticleIdAsync(string slug)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
    }

    /// <summary>An entity as an analysis stores one it found but was not sure of.</summary>
    private async Task<int> AddUnsureEntityAsync(string name, EntityType type, int articleId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var entity = new NamedEntity { Name = name, Type = type, Slug = Slugs.From(name) };
        entity.Aliases.Add(new EntityAlias { Name = name, Folded = EntityAlias.Fold(name) });
        db.Add(entity);
        await db.SaveChangesAsync();
        db.Add(new EntityMention { ArticleId = articleId, EntityId = entity.Id, Count = 1, Confident = false });
        await db.SaveChangesAsync();
        return entity.Id;
    }

    private static async Task<List<string>> TopicsUnderAsync(HttpClient reader, string story)
    {
        var (_, page) = await reader.GetPageAsync(story);
        return page.QuerySelectorAll(".story-topics a").Select(a => a.TextContent.Trim()).ToList();
    }

    /// <summary>Cached pages go through the invalidation journal: give it the moment it takes.</summary>
    private static async Task EventuallyAsync(HttpClient reader, string path, HttpStatusCode expected)
    {
        var last = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            last = (await reader.GetAsync(path)).StatusCode;
            if (last == expected)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{path} answered {(int)last}, not {(int)expected}");
    }
}