using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Text;
using Herald.Understanding;
using Herald.Understanding.Corrections;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>
/// An editor's corrections that move findings between entities, through the newsroom over real
/// HTTP: merging a wrong entity into the right one, taking a wrong name off an entity, detaching a
/// quote from a speaker who did not say it. Each asks first, is written to the entity's history,
/// reaches the public pages, and holds when the story is analysed again.
/// </summary>
public abstract class EntityCorrectionTests(SiteFixture fixture)
{
    // The analysis takes "Torvik Fishermen" for a person and gives it the first quote.
    private const string FishermenStory =
        "Harbour Commissioner Ragnhild Østby met Torvik Fishermen on Monday.\n\n"
        + "“The quota is too low,” Torvik Fishermen said in a statement.\n\n"
        + "Later the Torvik Fishermen's Association, which speaks for 40 crews, said the talks would go on.\n";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_wrong_person_retyped_and_merged_into_the_organisation_stays_merged_after_reanalysis()
    {
        var articleId = await PublishAsync("torvik-quota-talks", FishermenStory);
        var person = await EntityAsync(articleId, "Torvik Fishermen", EntityType.Person);
        var association = await EntityAsync(articleId, "Torvik Fishermen's Association", EntityType.Organization);
        Assert.Equal(person.Id, await SpeakerOfAsync(articleId, "The quota is too low"));
        using var editor = await NewsroomSession.SignInAsync(Server, "corrections-merger@example.org", Roles.Editor);
        using var reader = Server.CreateClient();

        // Retyped: the person's address leads to the organisation's page.
        var retyped = await editor.PostFormAsync($"/newsroom/entities?handler=Confirm&id={person.Id}&show=all", new() { ["type"] = "Organization" }, "/newsroom/entities");
        Assert.Equal(HttpStatusCode.Redirect, retyped.StatusCode);
        await EventuallyMovedAsync(reader, "/people/torvik-fishermen", "/organisations/torvik-fishermen");

        // Merging asks first, naming both; a post without the confirmation changes nothing.
        var asked = await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", [], $"/newsroom/entities/{person.Id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent;
        Assert.Contains("\"Torvik Fishermen\" into an organisation \"Torvik Fishermen's Association\"?", question, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(person.Id));

        var merged = await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/newsroom/entities/{association.Id}", merged.Headers.Location?.OriginalString);
        Assert.False(await ExistsAsync(person.Id));

        // Both old addresses lead to the survivor, whose page has the statement.
        var survivorUrl = ArticleUrls.Topic(EntityType.Organization, association.Slug);
        await EventuallyMovedAsync(reader, "/organisations/torvik-fishermen", survivorUrl);
        await EventuallyMovedAsync(reader, "/people/torvik-fishermen", survivorUrl);
        var (_, page) = await reader.GetPageAsync(survivorUrl);
        Assert.Contains(page.QuerySelectorAll(".quote-list li"), q => q.TextContent.Contains("The quota is too low", StringComparison.Ordinal));
        var (_, newsroom) = await editor.Client.GetPageAsync($"/newsroom/entities/{association.Id}");
        Assert.Contains(newsroom.QuerySelectorAll(".entity-history li"), li => li.TextContent.Contains("Merged the organisation \"Torvik Fishermen\"", StringComparison.Ordinal)
            && li.TextContent.Contains("corrections-merger", StringComparison.Ordinal));

        // Read again (an edit or a re-publication): the wrong person does not come back.
        await AnalyzeAsync(articleId);
        Assert.False(await AnyEntityAsync("Torvik Fishermen", EntityType.Person));
        Assert.Equal(association.Id, await SpeakerOfAsync(articleId, "The quota is too low"));
        await EventuallyMovedAsync(reader, "/people/torvik-fishermen", survivorUrl);
    }

    [SkippableFact]
    public async Task A_name_taken_off_an_entity_stops_linking_to_it_and_is_not_given_back()
    {
        var articleId = await PublishAsync("torvik-harbour-fees", FishermenStory.Replace("Torvik", "Brekkvik", StringComparison.Ordinal));
        var person = await EntityAsync(articleId, "Brekkvik Fishermen", EntityType.Person);
        var association = await EntityAsync(articleId, "Brekkvik Fishermen's Association", EntityType.Organization);
        using var editor = await NewsroomSession.SignInAsync(Server, "corrections-splitter@example.org", Roles.Editor);
        await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");

        // The merge was wrong after all: the name goes, and with the next analysis its mentions go to an entity of their own.
        var alias = await AliasIdAsync(association.Id, "Brekkvik Fishermen");
        var removed = await editor.PostFormAsync($"/newsroom/entities?handler=RemoveName&id={association.Id}&alias={alias}&show=all", [], "/newsroom/entities");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await AnalyzeAsync(articleId);

        var split = await EntityAsync(articleId, "Brekkvik Fishermen", EntityType.Person);
        Assert.NotEqual(association.Id, split.Id);
        Assert.Equal(split.Id, await SpeakerOfAsync(articleId, "The quota is too low"));
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        Assert.DoesNotContain("brekkvik fishermen", await db.Set<EntityAlias>().Where(a => a.EntityId == association.Id).Select(a => a.Folded).ToListAsync());
        Assert.Contains(await db.Set<EntityHistoryEntry>().Where(h => h.EntityId == association.Id).Select(h => h.What).ToListAsync(),
            what => what.Contains("Removed the name \"Brekkvik Fishermen\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_detached_quote_names_no_speaker_on_public_pages_even_after_reanalysis()
    {
        var articleId = await PublishAsync("vardholm-quay-opens",
            "Harbour Commissioner Sigrun Vardholm opened the new quay on Monday.\n\n“This quay will serve the city for fifty years,” Vardholm said.\n\n"
            + "“We are ahead of schedule,” Vardholm told reporters.\n");
        var speaker = await EntityAsync(articleId, "Sigrun Vardholm", EntityType.Person);
        var quoteId = await QuoteIdAsync(articleId, "We are ahead of schedule");
        using var editor = await NewsroomSession.SignInAsync(Server, "corrections-detacher@example.org", Roles.Editor);
        using var reader = Server.CreateClient();
        var personUrl = ArticleUrls.Topic(EntityType.Person, speaker.Slug);
        Assert.Contains("We are ahead of schedule", await QuotesOnAsync(reader, personUrl));

        var asked = await editor.PostFormAsync($"/newsroom/entities/{speaker.Id}?handler=Detach&quote={quoteId}", [], $"/newsroom/entities/{speaker.Id}");
        Assert.Contains("Detach \"We are ahead of schedule", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(speaker.Id, await SpeakerOfAsync(articleId, "We are ahead of schedule"));
        var detached = await editor.PostFormAsync($"/newsroom/entities/{speaker.Id}?handler=Detach&quote={quoteId}", new() { ["confirm"] = "detach" }, $"/newsroom/entities/{speaker.Id}");
        Assert.Equal(HttpStatusCode.Redirect, detached.StatusCode);

        Assert.Null(await SpeakerOfAsync(articleId, "We are ahead of schedule"));
        await EventuallyAsync(async () => !(await QuotesOnAsync(reader, personUrl)).Contains("We are ahead of schedule", StringComparison.Ordinal));
        Assert.Contains("This quay will serve the city", await QuotesOnAsync(reader, personUrl));

        await AnalyzeAsync(articleId);
        Assert.Null(await SpeakerOfAsync(articleId, "We are ahead of schedule"));
        Assert.Equal(speaker.Id, await SpeakerOfAsync(articleId, "This quay will serve the city"));
        var (_, newsroom) = await editor.Client.GetPageAsync($"/newsroom/entities/{speaker.Id}");
        Assert.Contains(newsroom.QuerySelectorAll(".entity-history li"), li => li.TextContent.Contains("Detached the quote \"We are ahead of schedule", StringComparison.Ordinal));
        Assert.DoesNotContain(newsroom.QuerySelectorAll(".entity-quotes li"), li => li.TextContent.Contains("We are ahead of schedule", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Bad_corrections_are_refused_with_a_reason_and_change_nothing()
    {
        var articleId = await PublishAsync("corrections-bad-input", FishermenStory.Replace("Torvik", "Solvik", StringComparison.Ordinal));
        var person = await EntityAsync(articleId, "Solvik Fishermen", EntityType.Person);
        using var editor = await NewsroomSession.SignInAsync(Server, "corrections-careless@example.org", Roles.Editor);
        var form = $"/newsroom/entities/{person.Id}";

        var itself = await editor.PostFormAsync($"{form}?handler=Merge&survivor={person.Id}", new() { ["confirm"] = "merge" }, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, itself.StatusCode);
        Assert.Contains("cannot be merged into itself", Html.Parse(await itself.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);

        var nowhere = await editor.PostFormAsync($"{form}?handler=Merge&survivor=987654", new() { ["confirm"] = "merge" }, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nowhere.StatusCode);
        Assert.Contains("no longer exists", Html.Parse(await nowhere.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);

        var noQuote = await editor.PostFormAsync($"{form}?handler=Detach&quote=987654", new() { ["confirm"] = "detach" }, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noQuote.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostFormAsync("/newsroom/entities/987654?handler=Merge&survivor=1", new() { ["confirm"] = "merge" }, form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync("/newsroom/entities/987654")).StatusCode);

        var typed = new string('x', 101);
        var (tooLong, page) = await editor.Client.GetPageAsync($"{form}?into={typed}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("at most 100 characters", page.QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#merge-into")!.GetAttribute("value"));

        Assert.True(await ExistsAsync(person.Id));
        Assert.Equal(person.Id, await SpeakerOfAsync(articleId, "The quota is too low"));

        using var author = await NewsroomSession.SignInAsync(Server, "corrections-author@example.org", Roles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync(form)).StatusCode);
    }

    [SkippableFact]
    public async Task Candidates_to_merge_into_are_found_by_any_of_their_names()
    {
        var articleId = await PublishAsync("corrections-candidates", FishermenStory.Replace("Torvik", "Ramsvik", StringComparison.Ordinal));
        var person = await EntityAsync(articleId, "Ramsvik Fishermen", EntityType.Person);
        var association = await EntityAsync(articleId, "Ramsvik Fishermen's Association", EntityType.Organization);
        using var editor = await NewsroomSession.SignInAsync(Server, "corrections-finder@example.org", Roles.Editor);

        var (response, page) = await editor.Client.GetPageAsync($"/newsroom/entities/{person.Id}?into=ramsvik%20fishermen%27s");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidates = page.QuerySelectorAll(".merge-candidates li");
        Assert.Contains(candidates, li => li.QuerySelector("a")!.GetAttribute("href") == $"/newsroom/entities/{association.Id}");
        Assert.DoesNotContain(candidates, li => li.QuerySelector("a")!.GetAttribute("href") == $"/newsroom/entities/{person.Id}");
    }

    private async Task<int> PublishAsync(string slug, string body)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = new Article
        {
            Slug = slug,
            Headline = slug.Replace('-', ' '),
            Status = ArticleStatus.Published,
            CreatedAt = DateTime.UtcNow.AddHours(-1),
            PublishedAt = DateTime.UtcNow.AddHours(-1),
            BodySource = body,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await AnalyzeAsync(article.Id);
        return article.Id;
    }

    /// <summary>What saving or re-publishing the story does to its findings.</summary>
    private async Task AnalyzeAsync(int articleId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleUnderstanding>().AnalyzeAsync(articleId, CancellationToken.None);
    }

    private async Task<NamedEntity> EntityAsync(int articleId, string name, EntityType type)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<EntityMention>().AsNoTracking()
            .Where(m => m.ArticleId == articleId && m.Entity.Name == name && m.Entity.Type == type).Select(m => m.Entity).SingleAsync();
    }

    private async Task<bool> ExistsAsync(int entityId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<NamedEntity>().AnyAsync(e => e.Id == entityId);
    }

    private async Task<bool> AnyEntityAsync(string name, EntityType type)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<NamedEntity>().AnyAsync(e => e.Name == name && e.Type == type);
    }

    private async Task<int> AliasIdAsync(int entityId, string name)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<EntityAlias>()
            .Where(a => a.EntityId == entityId && a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private async Task<int?> SpeakerOfAsync(int articleId, string words)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<ArticleQuote>()
            .Where(q => q.ArticleId == articleId && q.Text.Contains(words)).Select(q => q.SpeakerId).SingleAsync();
    }

    private async Task<int> QuoteIdAsync(int articleId, string words)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<ArticleQuote>()
            .Where(q => q.ArticleId == articleId && q.Text.Contains(words)).Select(q => q.Id).SingleAsync();
    }

    private static async Task<string> QuotesOnAsync(HttpClient reader, string url)
    {
        var (_, page) = await reader.GetPageAsync(url);
        return string.Join("\n", page.QuerySelectorAll(".quote-list li").Select(li => li.TextContent));
    }

    /// <summary>A permanent redirect to <paramref name="target"/>, once the write's eviction reached the cache.</summary>
    private static Task EventuallyMovedAsync(HttpClient reader, string path, string target) =>
        EventuallyAsync(async () =>
        {
            var response = await reader.GetAsync(path);
            return response.StatusCode == HttpStatusCode.MovedPermanently && response.Headers.Location?.OriginalString == target;
        }, $"{path} does not lead to {target}");

    private static async Task EventuallyAsync(Func<Task<bool>> done, string because = "the change never reached the public pages")
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail(because);
    }
}

/// <summary>A demo site of its own: these tests change what readers are told about entities.</summary>
public sealed class EntityCorrectionSqliteFixture : SqliteSiteFixture;

public sealed class EntityCorrectionPostgresFixture : PostgresSiteFixture;

public sealed class SqliteEntityCorrectionTests(EntityCorrectionSqliteFixture fixture) : EntityCorrectionTests(fixture), IClassFixture<EntityCorrectionSqliteFixture>;

public sealed class PostgresEntityCorrectionTests(EntityCorrectionPostgresFixture fixture) : EntityCorrectionTests(fixture), IClassFixture<EntityCorrectionPostgresFixture>;