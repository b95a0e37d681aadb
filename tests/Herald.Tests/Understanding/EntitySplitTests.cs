using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Tests.Infrastructure;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Understanding;

/// <summary>
/// Splitting a wrong merge in one step, through the newsroom over real HTTP: one name of an
/// entity becomes an entity of its own, the mentions and quotes under that name move to it in
/// every story, the public pages of both and of the stories are evicted and right, and the split
/// holds when the stories are analysed again; merging back undoes it.
/// </summary>
public abstract class EntitySplitTests(SiteFixture fixture)
{
    // The analysis takes "… Fishermen" for a person; an editor then merged it into the association by mistake.
    private static string QuotaStory(string town) =>
        $"Harbour Commissioner Ragnhild Østby met {town} Fishermen on Monday.\n\n"
        + $"“The quota is too low,” {town} Fishermen said in a statement.\n\n"
        + $"Later the {town} Fishermen's Association, which speaks for 40 crews, said the talks would go on.\n";

    private static string BoatsStory(string town) =>
        $"“We need more boats before the winter,” {town} Fishermen said on Tuesday.\n\n"
        + $"The {town} Fishermen's Association did not comment on the plan.\n";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_name_split_off_a_wrong_merge_takes_its_mentions_and_quotes_everywhere_and_keeps_them_after_reanalysis()
    {
        var quota = await Server.PublishAsync("split-quota-talks", QuotaStory("Skarvik"));
        var boats = await Server.PublishAsync("split-more-boats", BoatsStory("Skarvik"));
        var person = await Server.EntityInAsync(quota, "Skarvik Fishermen", EntityType.Person);
        var association = await Server.EntityInAsync(quota, "Skarvik Fishermen's Association", EntityType.Organization);
        using var editor = await NewsroomSession.SignInAsync(Server, "split-editor@example.org", Roles.Editor);
        using var reader = Server.CreateClient();
        var page = $"/newsroom/entities/{association.Id}";
        await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");
        Assert.Equal(association.Id, await Server.SpeakerOfAsync(boats, "We need more boats"));

        // Readers' pages as the wrong merge left them, cached.
        var associationUrl = ArticleUrls.Topic(EntityType.Organization, association.Slug);
        var quotaUrl = await Server.UrlOfAsync("split-quota-talks");
        Assert.Contains("The quota is too low", await reader.QuotesOnAsync(associationUrl));
        Assert.DoesNotContain("Skarvik Fishermen", await TopicsUnderAsync(reader, quotaUrl));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/people/skarvik-fishermen")).StatusCode);

        // Each name but the one it is shown under can be split off; splitting asks first, naming both sides.
        var (_, names) = await editor.Client.GetPageAsync(page);
        var alias = await Server.AliasIdAsync(association.Id, "Skarvik Fishermen");
        Assert.NotNull(names.QuerySelector($"#name-{alias} form.split-form"));
        Assert.Null(names.QuerySelector($"#name-{await Server.AliasIdAsync(association.Id, "Skarvik Fishermen's Association")} form"));
        var split = $"{page}?handler=Split&alias={alias}";
        var asked = await editor.PostFormAsync(split, new() { ["type"] = "Person" }, page);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!;
        Assert.Contains("Split \"Skarvik Fishermen\" off the organisation \"Skarvik Fishermen's Association\" as a person of its own?", confirm.TextContent, StringComparison.Ordinal);
        Assert.Equal("Person", confirm.QuerySelector("input[name=type]")!.GetAttribute("value"));
        Assert.Equal(association.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));

        var done = await editor.PostFormAsync(split, new() { ["type"] = "Person", ["confirm"] = "split" }, page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var created = await Server.QueryAsync(db => db.Set<NamedEntity>().AsNoTracking().SingleAsync(e => e.Name == "Skarvik Fishermen"));
        Assert.Equal($"/newsroom/entities/{created.Id}", done.Headers.Location?.OriginalString);
        Assert.Equal((EntityType.Person, EntityReview.Confirmed, "skarvik-fishermen"), (created.Type, created.Review, created.Slug));

        // Mentions and quotes under the name moved, in both stories; the association keeps its own.
        Assert.Equal([quota, boats], await Server.StoriesOfAsync(created.Id));
        Assert.Equal(created.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));
        Assert.Equal(created.Id, await Server.SpeakerOfAsync(boats, "We need more boats"));
        Assert.Equal([quota, boats], await Server.StoriesOfAsync(association.Id));
        Assert.Equal(["Skarvik Fishermen's Association"], await Server.NamesOfAsync(association.Id));

        // The write named exactly the pages it changed: both topic pages and both stories, not the whole site.
        var evicted = await Server.LastEvictedAsync();
        Assert.Superset(new HashSet<string> { $"entity:{association.Id}", $"entity:{created.Id}", $"article:{quota}", $"article:{boats}" }, evicted.ToHashSet());
        Assert.DoesNotContain("site", evicted);

        // Readers: the person has a page with both quotes again, the association's lists neither, the story names both.
        await EntityStories.EventuallyAsync(async () => !(await reader.QuotesOnAsync(associationUrl)).Contains("The quota is too low", StringComparison.Ordinal),
            "the association's cached page still lists the person's words");
        var personPage = await reader.QuotesOnAsync("/people/skarvik-fishermen");
        Assert.Contains("The quota is too low", personPage);
        Assert.Contains("We need more boats", personPage);
        await EntityStories.EventuallyAsync(async () => (await TopicsUnderAsync(reader, quotaUrl)).Contains("Skarvik Fishermen"),
            "the story's cached page does not name the person split off");

        // Both histories say what happened, and by whom.
        Assert.Contains(await HistoryAsync(editor, association.Id), line => line.Contains("Split the name \"Skarvik Fishermen\" off into the person \"Skarvik Fishermen\"", StringComparison.Ordinal)
            && line.Contains("split-editor", StringComparison.Ordinal));
        Assert.Contains(await HistoryAsync(editor, created.Id), line => line.Contains("Split off the organisation \"Skarvik Fishermen's Association\"", StringComparison.Ordinal));

        // Read again (an edit, a re-publication): the split holds, and no third entity appears.
        await Server.AnalyzeAsync(quota);
        await Server.AnalyzeAsync(boats);
        Assert.Equal(created.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));
        Assert.Equal(created.Id, await Server.SpeakerOfAsync(boats, "We need more boats"));
        Assert.Equal(["Skarvik Fishermen's Association"], await Server.NamesOfAsync(association.Id));
        Assert.Equal(1, await Server.QueryAsync(db => db.Set<NamedEntity>().CountAsync(e => e.Name.StartsWith("Skarvik Fishermen") && e.Type == EntityType.Person)));
    }

    [SkippableFact]
    public async Task Merging_the_split_off_entity_back_undoes_the_split()
    {
        var quota = await Server.PublishAsync("split-undo-quota", QuotaStory("Lysvik"));
        var person = await Server.EntityInAsync(quota, "Lysvik Fishermen", EntityType.Person);
        var association = await Server.EntityInAsync(quota, "Lysvik Fishermen's Association", EntityType.Organization);
        using var editor = await NewsroomSession.SignInAsync(Server, "split-undoer@example.org", Roles.Editor);
        await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");
        var page = $"/newsroom/entities/{association.Id}";
        var alias = await Server.AliasIdAsync(association.Id, "Lysvik Fishermen");
        var split = await editor.PostFormAsync($"{page}?handler=Split&alias={alias}", new() { ["type"] = "Organization", ["confirm"] = "split" }, page);
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var created = await Server.EntityInAsync(quota, "Lysvik Fishermen", EntityType.Organization);
        Assert.Equal(created.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));

        var merged = await editor.PostFormAsync($"/newsroom/entities/{created.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{created.Id}");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Contains("Lysvik Fishermen", await Server.NamesOfAsync(association.Id));
        Assert.Equal(association.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));
        await Server.AnalyzeAsync(quota);
        Assert.Equal(association.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));
        Assert.Contains("Lysvik Fishermen", await Server.NamesOfAsync(association.Id));
    }

    [SkippableFact]
    public async Task A_bad_split_is_refused_with_a_reason_and_changes_nothing()
    {
        var quota = await Server.PublishAsync("split-bad-input", QuotaStory("Orvik"));
        var person = await Server.EntityInAsync(quota, "Orvik Fishermen", EntityType.Person);
        var association = await Server.EntityInAsync(quota, "Orvik Fishermen's Association", EntityType.Organization);
        using var editor = await NewsroomSession.SignInAsync(Server, "split-careless@example.org", Roles.Editor);
        await editor.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");
        var page = $"/newsroom/entities/{association.Id}";
        var alias = await Server.AliasIdAsync(association.Id, "Orvik Fishermen");
        var shownUnder = await Server.AliasIdAsync(association.Id, "Orvik Fishermen's Association");
        var lone = await OneNameEntityAsync("Ragnhild Orvik", quota);
        var loneName = await Server.AliasIdAsync(lone, "Ragnhild Orvik");

        async Task RefusedAsync(string path, string type, string reason, string formPage)
        {
            var response = await editor.PostFormAsync(path, new() { ["type"] = type, ["confirm"] = "split" }, formPage);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(reason, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent, StringComparison.Ordinal);
        }
        await RefusedAsync($"{page}?handler=Split&alias=987654", "Person", "is not one of this entity's any more", page);
        await RefusedAsync($"{page}?handler=Split&alias={loneName}", "Person", "is not one of this entity's any more", page);
        await RefusedAsync($"{page}?handler=Split&alias={shownUnder}", "Person", "the name this entity is shown under", page);
        await RefusedAsync($"/newsroom/entities/{lone}?handler=Split&alias={loneName}", "Organization", "only name", $"/newsroom/entities/{lone}");
        foreach (var type in new[] { "Banana", "7", "", "Person, Place", new string('P', 5000) })
        {
            await RefusedAsync($"{page}?handler=Split&alias={alias}", type, "person, an organisation or a place", page);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostFormAsync($"/newsroom/entities/987654?handler=Split&alias={alias}", new() { ["type"] = "Person", ["confirm"] = "split" }, page)).StatusCode);

        Assert.Equal(["Orvik Fishermen", "Orvik Fishermen's Association"], await Server.NamesOfAsync(association.Id));
        Assert.Equal(association.Id, await Server.SpeakerOfAsync(quota, "The quota is too low"));
        Assert.False(await Server.QueryAsync(db => db.Set<NamedEntity>().AnyAsync(e => e.Name == "Orvik Fishermen")));

        using var author = await NewsroomSession.SignInAsync(Server, "split-author@example.org", Roles.Author);
        var forbidden = await author.PostFormAsync($"{page}?handler=Split&alias={alias}", new() { ["type"] = "Person", ["confirm"] = "split" }, "/newsroom");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(["Orvik Fishermen", "Orvik Fishermen's Association"], await Server.NamesOfAsync(association.Id));
    }

    /// <summary>An entity as an analysis stores one known by a single name.</summary>
    private Task<int> OneNameEntityAsync(string name, int articleId) =>
        Server.QueryAsync(async db =>
        {
            var entity = new NamedEntity { Name = name, Type = EntityType.Person, Slug = Slugs.From(name) };
            entity.Aliases.Add(new EntityAlias { Name = name, Folded = EntityAlias.Fold(name) });
            db.Add(entity);
            await db.SaveChangesAsync();
            db.Add(new EntityMention { ArticleId = articleId, EntityId = entity.Id, Count = 1, Confident = true });
            await db.SaveChangesAsync();
            return entity.Id;
        });

    private static async Task<List<string>> TopicsUnderAsync(HttpClient reader, string story)
    {
        var (_, page) = await reader.GetPageAsync(story);
        return page.QuerySelectorAll(".story-topics a").Select(a => a.TextContent.Trim()).ToList();
    }

    private static async Task<List<string>> HistoryAsync(NewsroomSession editor, int entityId)
    {
        var (_, page) = await editor.Client.GetPageAsync($"/newsroom/entities/{entityId}");
        return page.QuerySelectorAll(".entity-history li").Select(li => li.TextContent).ToList();
    }
}

/// <summary>A demo site of its own: these tests change what readers are told about entities.</summary>
public sealed class EntitySplitSqliteFixture : SqliteSiteFixture;

public sealed class EntitySplitPostgresFixture : PostgresSiteFixture;

public sealed class SqliteEntitySplitTests(EntitySplitSqliteFixture fixture) : EntitySplitTests(fixture), IClassFixture<EntitySplitSqliteFixture>;

public sealed class PostgresEntitySplitTests(EntitySplitPostgresFixture fixture) : EntitySplitTests(fixture), IClassFixture<EntitySplitPostgresFixture>;