using Herald.Accounts;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.Understanding;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>A demo site of its own: the test below changes what readers are told about Norrhavn.</summary>
public sealed class EntityCorrectionBrowserSiteFixture : SqliteSiteFixture;

/// <summary>
/// An editor corrects a wrong entity in real Chromium, as readers of the demo once saw it: the
/// fishermen's association taken for a person, "Norrhavn Fishermen", who was also called "Norrhavn"
/// and was credited with a festival director's words. The editor retypes it, merges it into the
/// association, takes the town's name and the director's quote off it; the wrong page then leads
/// to the association's, and re-publishing the story keeps it so.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class EntityCorrectionBrowserTests(EntityCorrectionBrowserSiteFixture site, BrowserFixture browser)
    : IClassFixture<EntityCorrectionBrowserSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string Password = "a password for corrections";
    private const string QuotaStory = "eu-ministers-cut-north-sea-cod-quota";
    private const string FestivalStory = "norrhavn-film-festival-opens-nguyen-minh-khoa";
    private const string DirectorsWords = "Being in Saltlageret";

    [SkippableFact]
    public async Task An_editor_retypes_and_merges_the_wrong_person_and_re_publishing_keeps_the_correction()
    {
        var server = site.RequireServer();
        var wrongId = await CreateTheWrongPersonAsync(server);
        var association = await AssociationAsync(server);
        var associationUrl = ArticleUrls.Topic(EntityType.Organization, association.Slug);
        var page = await SignInAsync("browser-entities@example.org");

        // What readers saw: a person page crediting the association's name with a director's words.
        var before = await page.GotoAsync("/people/norrhavn-fishermen");
        Assert.Equal(200, before!.Status);
        Assert.Contains(DirectorsWords, await page.Locator(".quote-list").TextContentAsync());

        // Retype it as the organisation it is.
        await page.GotoAsync("/newsroom/entities?show=all&q=norrhavn%20fishermen");
        var row = page.Locator($"#entity-{wrongId}");
        await row.Locator($"#type-{wrongId}").SelectOptionAsync("Organization");
        await row.Locator("button", new() { HasText = "Confirm" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Confirmed \"Norrhavn Fishermen\" as an organisation" }).WaitForAsync();

        // Merge it into the association, after the confirmation that names both.
        await page.Locator($"#entity-{wrongId}").Locator("a", new() { HasText = "Quotes, merge, history" }).ClickAsync();
        await page.Locator("#merge-into").FillAsync("Norrhavn Fishermen's Association");
        await page.Locator("button", new() { HasText = "Find" }).ClickAsync();
        await page.Locator(".merge-candidates li", new() { HasText = "Norrhavn Fishermen's Association" }).Locator("button").ClickAsync();
        var confirm = page.Locator(".confirm");
        await confirm.WaitForAsync();
        Assert.Contains("Merge an organisation \"Norrhavn Fishermen\" into an organisation \"Norrhavn Fishermen's Association\"?", await confirm.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-entity-merge-confirm.png"), FullPage = true });
        await confirm.Locator("button", new() { HasText = "Yes, merge them" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Merged \"Norrhavn Fishermen\" into \"Norrhavn Fishermen's Association\"" }).WaitForAsync();
        Assert.EndsWith($"/newsroom/entities/{association.Id}", page.Url);

        // The director did not speak for the association: detach the quote, after confirming.
        await page.Locator(".entity-quotes li", new() { HasText = DirectorsWords }).Locator("button").ClickAsync();
        await page.Locator(".confirm button", new() { HasText = "Yes, detach it" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Detached" }).WaitForAsync();

        // "Norrhavn" is the town, not a name of the association.
        await page.GotoAsync("/newsroom/entities?show=all&q=norrhavn%20fishermen%27s");
        var survivorRow = page.Locator($"#entity-{association.Id}");
        await survivorRow.Locator("summary").ClickAsync();
        await survivorRow.Locator("li", new() { HasText = "Norrhavn" }).Filter(new() { HasNotText = "Fishermen" }).Locator("button").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Removed the name \"Norrhavn\"" }).WaitForAsync();
        await page.GotoAsync($"/newsroom/entities/{association.Id}");
        Assert.Contains("Merged the organisation \"Norrhavn Fishermen\"", await page.Locator(".entity-history").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-entity-history.png"), FullPage = true });

        // Re-publish the quota story with a statement the association made.
        await page.GotoAsync($"/newsroom/articles/edit/{await ArticleIdAsync(server, QuotaStory)}");
        var body = page.Locator("textarea[name='Form.Body']");
        await body.FillAsync(await body.InputValueAsync() + "\n\n“We will read the small print before we say more,” the Norrhavn Fishermen's Association said in a statement.\n");
        await page.Locator("button[value=save]").ClickAsync();
        await page.Locator(".notice", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@" at \d\d:\d\d") }).WaitForAsync();

        // The wrong page leads to the association's, which lists its own words and not the director's.
        await AssertMovedAsync(page, "/people/norrhavn-fishermen", associationUrl);
        await AssertMovedAsync(page, "/organisations/norrhavn-fishermen", associationUrl);
        await page.GotoAsync(associationUrl);
        Assert.Equal("Norrhavn Fishermen's Association", (await page.Locator("h1").TextContentAsync())?.Trim());
        var quotes = await page.Locator(".quote-list").TextContentAsync();
        Assert.Contains("We will read the small print before we say more", quotes);
        Assert.DoesNotContain(DirectorsWords, quotes);
        Assert.DoesNotContain("Norrhavn,", await page.Locator(".archive-header").TextContentAsync() ?? "");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "topic-after-merge.png"), FullPage = true });

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        Assert.False(await db.Set<NamedEntity>().AnyAsync(e => e.Name == "Norrhavn Fishermen"));
        Assert.DoesNotContain("norrhavn", await db.Set<EntityAlias>().Where(a => a.EntityId == association.Id).Select(a => a.Folded).ToListAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task An_editor_splits_a_wrong_merge_from_the_story_s_entities_tab_and_readers_see_both_again()
    {
        var server = site.RequireServer();
        var story = await server.PublishAsync("browser-split-quota-talks",
            "Harbour Commissioner Ragnhild Østby met Brattvik Fishermen on Monday.\n\n“The quota is too low,” Brattvik Fishermen said in a statement.\n\n"
            + "Later the Brattvik Fishermen's Association, which speaks for 40 crews, said the talks would go on.\n");
        var person = await server.EntityInAsync(story, "Brattvik Fishermen", EntityType.Person);
        var association = await server.EntityInAsync(story, "Brattvik Fishermen's Association", EntityType.Organization);
        var associationUrl = ArticleUrls.Topic(EntityType.Organization, association.Slug);
        // The wrong merge, as an editor made it.
        using (var merger = await NewsroomSession.SignInAsync(server, "browser-merger@example.org", Roles.Editor))
        {
            var merged = await merger.PostFormAsync($"/newsroom/entities/{person.Id}?handler=Merge&survivor={association.Id}", new() { ["confirm"] = "merge" }, $"/newsroom/entities/{person.Id}");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, merged.StatusCode);
        }
        var page = await SignInAsync("browser-splitter@example.org");
        await page.GotoAsync(associationUrl);
        Assert.Contains("The quota is too low", await page.Locator(".quote-list").TextContentAsync());

        // From the story's editor to its Entities tab, then to the association's newsroom page.
        await page.GotoAsync($"/newsroom/articles/edit/{story}");
        await page.Locator(".editor-links a", new() { HasText = "Entities" }).ClickAsync();
        await page.Locator($"#story-entity-{association.Id} a", new() { HasText = "Brattvik Fishermen's Association" }).ClickAsync();
        await page.WaitForURLAsync($"**/newsroom/entities/{association.Id}");

        // Split the person's name off, as a person, after the confirmation that names both.
        var name = page.Locator(".entity-names li", new() { HasText = "Brattvik Fishermen" }).Filter(new() { HasNotText = "Association" });
        await name.Locator("select").SelectOptionAsync("Person");
        await name.Locator("button", new() { HasText = "Split off" }).ClickAsync();
        var confirm = page.Locator(".confirm");
        await confirm.WaitForAsync();
        Assert.Contains("Split \"Brattvik Fishermen\" off the organisation \"Brattvik Fishermen's Association\" as a person of its own?", await confirm.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-entity-split-confirm.png"), FullPage = true });
        await confirm.Locator("button", new() { HasText = "Yes, split it off" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Split \"Brattvik Fishermen\" off \"Brattvik Fishermen's Association\" as a person" }).WaitForAsync();
        Assert.Contains("Split off the organisation \"Brattvik Fishermen's Association\"", await page.Locator(".entity-history").TextContentAsync());

        // Readers: the person's page has its words again, the association's does not.
        var personPage = await page.GotoAsync("/people/brattvik-fishermen");
        Assert.Equal(200, personPage!.Status);
        Assert.Contains("The quota is too low", await page.Locator(".quote-list").TextContentAsync());
        await page.GotoAsync(associationUrl);
        Assert.DoesNotContain("The quota is too low", string.Join("\n", await page.Locator(".quote-list").AllTextContentsAsync()));

        // The story's tab lists both, each shown to readers, and the quote under the person.
        await page.GotoAsync($"/newsroom/articles/{story}/entities");
        var split = await server.EntityInAsync(story, "Brattvik Fishermen", EntityType.Person);
        Assert.Contains("Yes", await page.Locator($"#story-entity-{split.Id}").TextContentAsync());
        Assert.Contains("Said by Brattvik Fishermen", await page.Locator(".story-quotes li", new() { HasText = "The quota is too low" }).TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-story-entities.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Today's analyzer reads the demo right, so the wrong person it once made is put back the way
    /// an analysis stored it: a sure person named in the quota and festival stories, with the town
    /// as a second name and the festival director's words.
    /// </summary>
    private static async Task<int> CreateTheWrongPersonAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var wrong = new NamedEntity { Name = "Norrhavn Fishermen", Type = EntityType.Person, Slug = "norrhavn-fishermen" };
        wrong.Aliases.Add(new EntityAlias { Name = "Norrhavn Fishermen", Folded = "norrhavn fishermen" });
        wrong.Aliases.Add(new EntityAlias { Name = "Norrhavn", Folded = "norrhavn" });
        db.Add(wrong);
        await db.SaveChangesAsync();
        foreach (var slug in new[] { QuotaStory, FestivalStory })
        {
            db.Add(new EntityMention { ArticleId = await ArticleIdAsync(server, slug), EntityId = wrong.Id, Count = 2, Confident = true });
        }
        var festivalId = await ArticleIdAsync(server, FestivalStory);
        var quote = await db.Set<ArticleQuote>().SingleAsync(q => q.ArticleId == festivalId && q.Text.Contains(DirectorsWords));
        quote.SpeakerId = wrong.Id;
        quote.SpeakerConfident = true;
        await db.SaveChangesAsync();
        await server.Services.GetRequiredService<Herald.Hosting.CacheEvictor>().EvictAsync([Herald.Hosting.CacheTags.Site], CancellationToken.None);
        return wrong.Id;
    }

    private static async Task<NamedEntity> AssociationAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Set<NamedEntity>().AsNoTracking()
            .SingleAsync(e => e.Name == "Norrhavn Fishermen's Association" && e.Type == EntityType.Organization);
    }

    private static async Task<int> ArticleIdAsync(HeraldTestServer server, string slug)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Chromium follows the redirect; the first response of the chain must be the permanent one.</summary>
    private static async Task AssertMovedAsync(IPage page, string from, string to)
    {
        var response = await page.GotoAsync(from);
        Assert.NotNull(response);
        Assert.Equal(200, response!.Status);
        Assert.EndsWith(to, page.Url);
        var first = response.Request.RedirectedFrom;
        Assert.NotNull(first);
        Assert.Equal(301, (await first!.ResponseAsync())!.Status);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var server = site.RequireServer();
        await NewsroomSession.CreateUserAsync(server, email, Roles.Editor, Password);
        // Playwright's waits evaluate script text, which Herald's content security policy forbids.
        var context = await browser.RequireBrowser().NewContextAsync(new()
        {
            BypassCSP = true,
            BaseURL = server.Address.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        return page;
    }
}