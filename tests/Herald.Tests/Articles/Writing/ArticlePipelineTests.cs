using System.Globalization;
using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting.Invalidation;
using Herald.Newsroom.Publishing;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Herald.Tests.WordPress.Import;
using Herald.WordPress.Import;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles.Writing;

/// <summary>A demo site whose writes a <see cref="WriteRecorder"/> watches from the start, demo seeding included.</summary>
public sealed class RecordedSiteFixture : SqliteSiteFixture
{
    public WriteRecorder Recorder { get; } = new();

    protected override bool SeedsItself => true;

    protected override void ConfigureServices(IServiceCollection services) => WriteRecorder.Register(services, Recorder);
}

/// <summary>
/// Every writer goes through <see cref="ArticlePipeline"/>: a handler registered only in the test
/// server sees demo seeding, a newsroom save, a scheduled publish and an import; an autosave of a
/// draft runs no handler; a save runs each handler once, and its pages are evicted once, after
/// the commit.
/// </summary>
public sealed class ArticlePipelineTests(RecordedSiteFixture fixture) : IClassFixture<RecordedSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();
    private WriteRecorder Recorder => fixture.Recorder;

    [Fact]
    public async Task A_test_only_handler_sees_demo_seeding_a_newsroom_save_a_scheduled_publish_and_an_import()
    {
        var demoArticles = await QueryAsync(db => db.Articles.Where(a => a.CreatedByUserId == null).Select(a => a.Id).ToListAsync());
        var seeded = Recorder.Changes.Where(c => c.Origin == ArticleWriteOrigin.Demo).ToList();
        Assert.Equal(demoArticles.Order(), seeded.Select(c => c.ArticleId).Order());
        Assert.All(seeded, c => Assert.Equal(ArticleChangeKind.Published, c.Kind));
        // One batch, oldest story first, as publishing them one by one would have gone.
        var seedBatch = Assert.Single(Recorder.Batches, b => b.Origin == ArticleWriteOrigin.Demo).ArticleIds;
        var published = await QueryAsync(db => db.Articles.Where(a => demoArticles.Contains(a.Id)).OrderBy(a => a.PublishedAt).Select(a => a.Id).ToListAsync());
        Assert.Equal(published, seedBatch);

        using var editor = await NewsroomSession.SignInAsync(Server, "pipeline-writer@example.org", Roles.Editor);
        var saved = await editor.WriteAsync("Pier lamps relit after storm", "The lamps burn again.", "publish");
        Assert.Equal([new WriteRecorder.Change(ArticleWriteOrigin.Newsroom, ArticleChangeKind.Published, saved, false)], Recorder.ChangesOf(saved));

        var scheduled = await ScheduleAsync(editor, "Night market opens on the quay");
        Assert.Equal([(ArticleWriteOrigin.Newsroom, ArticleChangeKind.Saved)], Recorder.ChangesOf(scheduled).Select(c => (c.Origin, c.Kind)));
        await MakeDueAsync(scheduled);
        await WaitUntilAsync(() => Recorder.ChangesOf(scheduled).Any(c => c.Origin == ArticleWriteOrigin.Schedule));
        Assert.Equal(ArticleChangeKind.Published, Recorder.ChangesOf(scheduled).Single(c => c.Origin == ArticleWriteOrigin.Schedule).Kind);

        using var folder = new TempFolder("herald-pipeline-import");
        var file = Path.Combine(folder.Path, "export.xml");
        WxrGenerator.Write(file, 3);
        await ActivatorUtilities.CreateInstance<WxrImporter>(Server.Services)
            .RunAsync(new WxrImportOptions(file, null, SkipAnalysis: false), new ImportProgress(TextWriter.Null, terminal: false), CancellationToken.None);
        var imported = await QueryAsync(db => db.Articles.Where(a => a.Slug.StartsWith("generated-post-")).Select(a => a.Id).ToListAsync());
        Assert.Equal(3, imported.Count);
        foreach (var id in imported)
        {
            // Written with the analysis left for later, then handed over again by the analysis phase.
            Assert.Equal(
                [(ArticleChangeKind.Published, true), (ArticleChangeKind.Saved, false)],
                Recorder.ChangesOf(id).Select(c => (c.Kind, c.AnalysisDeferred)));
            Assert.All(Recorder.ChangesOf(id), c => Assert.Equal(ArticleWriteOrigin.Import, c.Origin));
        }
        // The posts in one batch (one transaction), and their analysis in another.
        Assert.Equal(2, Recorder.Batches.Count(b => b.Origin == ArticleWriteOrigin.Import && b.ArticleIds.Order().SequenceEqual(imported.Order())));
    }

    [Fact]
    public async Task Autosave_of_a_draft_writes_the_draft_and_nothing_else_and_a_save_runs_the_handlers_once()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "pipeline-autosave@example.org", Roles.Author);
        var journalBefore = await JournalRowsAsync();
        var created = await AutosaveAsync(author, 0, "Tide tables for the winter", "The first line");
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();
        for (var i = 2; i <= 4; i++)
        {
            version = (await AutosaveAsync(author, id, "Tide tables for the winter", $"The first line, typed {i} times.", version)).GetProperty("version").GetInt32();
        }

        var draft = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal("The first line, typed 4 times.", draft.BodySource);
        Assert.Contains("typed 4 times", draft.BodyHtml); // rendered with its words, so a later publish shows them
        Assert.Empty(Recorder.ChangesOf(id));
        Assert.Equal(journalBefore, await JournalRowsAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await author.EditAsync(Server, id, "Tide tables for the winter", "The tables are out.")).StatusCode);
        Assert.Equal([(ArticleWriteOrigin.Newsroom, ArticleChangeKind.Saved)], Recorder.ChangesOf(id).Select(c => (c.Origin, c.Kind)));
    }

    [Fact]
    public async Task A_publish_and_an_edit_run_the_handlers_once_and_evict_once_each_after_the_commit()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "pipeline-evict@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Ferry fares frozen for a year", "The council agreed.");
        Recorder.WatchedArticle = id;
        Assert.Empty(Recorder.EvictionsOf(id)); // a draft shows on no page

        Assert.Equal(HttpStatusCode.Redirect, (await editor.EditAsync(Server, id, "Ferry fares frozen for a year", "The council agreed.", "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.EditAsync(Server, id, "Ferry fares frozen for two years", "The council agreed again.")).StatusCode);
        // Long enough for this process's journal follower to read the two rows: it must not evict them again.
        await Task.Delay(JournalFollower.PollInterval * 3);

        Assert.Equal(
            [(ArticleChangeKind.Saved, ArticleWriteOrigin.Newsroom), (ArticleChangeKind.Published, ArticleWriteOrigin.Newsroom), (ArticleChangeKind.Saved, ArticleWriteOrigin.Newsroom)],
            Recorder.ChangesOf(id).Select(c => (c.Kind, c.Origin)));
        var evictions = Recorder.EvictionsOf(id);
        Assert.Equal(2, evictions.Count);
        // Read on another connection while evicting: the write was already committed.
        Assert.All(evictions, e => Assert.Equal(ArticleStatus.Published, e.CommittedStatus));
        Assert.Contains(Herald.Hosting.CacheTags.Home, evictions[0].Tags);
    }

    [Fact]
    public async Task Trashing_a_published_article_takes_it_off_every_page_and_deleting_it_for_good_runs_the_handlers()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "pipeline-delete@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Old crane to be taken down", "Work starts in May.", "publish");
        Recorder.WatchedArticle = id;
        using var reader = Server.CreateClient();
        Assert.Contains("Old crane to be taken down", await reader.GetStringAsync("/"));

        var response = await editor.PostFormAsync($"/newsroom/articles/edit/{id}?handler=delete", new() { ["confirm"] = "trash" }, $"/newsroom/articles/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // To readers, the trash is an unpublish: handlers drop what they kept, the pages that showed it are evicted.
        Assert.Equal(ArticleChangeKind.Unpublished, Recorder.ChangesOf(id).Last().Kind);
        Assert.Contains(Herald.Hosting.CacheTags.Home, Recorder.EvictionsOf(id).Last().Tags);
        Assert.DoesNotContain("Old crane to be taken down", await reader.GetStringAsync("/"));

        response = await editor.PostFormAsync($"/newsroom/trash?handler=deleteForever&id={id}", new() { ["confirm"] = "delete-forever" }, "/newsroom/trash");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ArticleChangeKind.Deleted, Recorder.ChangesOf(id).Last().Kind);
        Assert.Equal(0, await QueryAsync(db => db.Articles.CountAsync(a => a.Id == id)));
    }

    private async Task<int> ScheduleAsync(NewsroomSession editor, string headline)
    {
        var zone = (await Server.Services.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddMinutes(5), zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return await editor.WriteAsync(headline, "Stalls open at six.", "schedule", ("Form.ScheduleAt", local));
    }

    /// <summary>Brings the time closer rather than wait minutes (the test's own write, as in SchedulingTests), and wakes the scheduler.</summary>
    private async Task MakeDueAsync(int id)
    {
        await QueryAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddSeconds(-1))));
        Server.Services.GetRequiredService<ScheduleSignal>().Poke();
    }

    private Task<int> JournalRowsAsync() => QueryAsync(db => db.Set<CacheInvalidation>().CountAsync());

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }

    private static async Task<JsonElement> AutosaveAsync(NewsroomSession session, int id, string headline, string body, int version = 0)
    {
        var path = id == 0 ? "/newsroom/articles/edit?handler=autosave" : $"/newsroom/articles/edit/{id}?handler=autosave";
        var response = await session.PostFormAsync(path, NewsroomWriting.Fields(headline, body,
            ("Form.Id", id.ToString(CultureInfo.InvariantCulture)), ("Form.Version", version.ToString(CultureInfo.InvariantCulture))), "/newsroom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("applied").GetBoolean());
        return json;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not seen within 30 seconds");
            await Task.Delay(100);
        }
    }
}