using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.WordPress.Import;
using Herald.Tests.WordPress.RestApi;
using Herald.WordPress.Import;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles.Writing;

/// <summary>
/// The count of public stories stored on each section and tag stays exact through every kind of
/// write the pipeline takes — demo seeding, publish, re-tag, unpublish, delete, a draft, an
/// import — and the WordPress API shows the stored number.
/// </summary>
public abstract class TermCountTests(SiteFixture site)
{
    private HeraldTestServer Server => site.RequireServer();

    [SkippableFact]
    public async Task Stored_counts_follow_publish_retag_unpublish_delete_and_import()
    {
        var server = Server;
        await AssertAllExactAsync(); // as the demo seeding left them

        var (category, categoryBefore) = await QueryAsync(async db =>
        {
            var c = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            return (c.Id, c.PublicStoryCount);
        });
        Assert.True(categoryBefore > 0, "the demo's first section has stories");

        var story = await WriteAsync(async (pipeline, db) =>
        {
            var article = NewStory("Tide tables reprinted for the harbour", ArticleStatus.Published);
            article.Categories.Add(await db.Categories.FindAsync(category) ?? throw new InvalidOperationException());
            article.Tags.Add(new Tag { Name = "Tide tables", Slug = "tide-tables" });
            article.Tags.Add(new Tag { Name = "Harbour office", Slug = "harbour-office" });
            var edit = pipeline.Create(article);
            Assert.Empty(await pipeline.SaveAsync(edit, ArticleWriteOrigin.Newsroom, CancellationToken.None));
            return article.Id;
        });
        Assert.Equal(categoryBefore + 1, await CategoryCountAsync(category));
        Assert.Equal(1, await TagCountAsync("tide-tables"));
        Assert.Equal(1, await TagCountAsync("harbour-office"));
        await AssertAllExactAsync();

        // A draft with the same terms changes nothing.
        await WriteAsync(async (pipeline, db) =>
        {
            var draft = NewStory("Draft about tide tables", ArticleStatus.Draft);
            draft.Tags.Add(await db.Tags.SingleAsync(t => t.Slug == "tide-tables"));
            Assert.Empty(await pipeline.SaveAsync(pipeline.Create(draft), ArticleWriteOrigin.Newsroom, CancellationToken.None));
            return draft.Id;
        });
        Assert.Equal(1, await TagCountAsync("tide-tables"));

        // Re-tagging: one tag off, another on.
        await EditAsync(story, async (article, db) =>
        {
            article.Tags.RemoveAll(t => t.Slug == "harbour-office");
            article.Tags.Add(new Tag { Name = "Ferries", Slug = "ferries-timetable" });
            await Task.CompletedTask;
        });
        Assert.Equal(0, await TagCountAsync("harbour-office"));
        Assert.Equal(1, await TagCountAsync("ferries-timetable"));
        await AssertAllExactAsync();

        await EditAsync(story, (article, _) =>
        {
            article.Status = ArticleStatus.Unpublished;
            return Task.CompletedTask;
        });
        Assert.Equal(categoryBefore, await CategoryCountAsync(category));
        Assert.Equal(0, await TagCountAsync("tide-tables"));
        Assert.Equal(0, await TagCountAsync("ferries-timetable"));

        await EditAsync(story, (article, _) =>
        {
            article.Status = ArticleStatus.Published;
            return Task.CompletedTask;
        });
        Assert.Equal(categoryBefore + 1, await CategoryCountAsync(category));
        Assert.Equal(1, await TagCountAsync("ferries-timetable"));

        await WriteAsync(async (pipeline, _) =>
        {
            var edit = await pipeline.OpenAsync(story, CancellationToken.None) ?? throw new InvalidOperationException();
            await pipeline.DeleteAsync(edit, ArticleWriteOrigin.Newsroom, CancellationToken.None);
            return 0;
        });
        Assert.Equal(categoryBefore, await CategoryCountAsync(category));
        Assert.Equal(0, await TagCountAsync("tide-tables"));
        Assert.Equal(0, await TagCountAsync("ferries-timetable"));
        await AssertAllExactAsync();

        using var folder = new TempFolder("herald-term-counts");
        var file = Path.Combine(folder.Path, "export.xml");
        WxrGenerator.Write(file, 12);
        await ActivatorUtilities.CreateInstance<WxrImporter>(server.Services)
            .RunAsync(new WxrImportOptions(file, null, SkipAnalysis: true), new ImportProgress(TextWriter.Null, terminal: false), CancellationToken.None);
        Assert.True(await QueryAsync(db => db.Tags.AnyAsync(t => t.PublicStoryCount > 0 && t.Articles.Any(a => a.Slug.StartsWith("generated-post-")))),
            "the import filed its posts under counted tags");
        await AssertAllExactAsync();

        // The API reads the stored number.
        var tags = await WpApi.ListAsync(server, "tags?per_page=100&orderby=count&order=desc");
        var expected = await QueryAsync(db => db.Tags.ToDictionaryAsync(t => t.Id, t => t.PublicStoryCount));
        Assert.All(tags, t => Assert.Equal(expected[(int)t!["id"]!], (int)t["count"]!));
    }

    private static Article NewStory(string headline, ArticleStatus status) => new()
    {
        Slug = Slugs.From(headline),
        Headline = headline,
        BodySource = $"{headline}, told in a few plain words.",
        Kind = ArticleKind.Story,
        Status = status,
        PublishedAt = status == ArticleStatus.Published ? DateTime.UtcNow.AddMinutes(-5) : null,
        CreatedAt = DateTime.UtcNow.AddMinutes(-10),
    };

    /// <summary>Every stored count equals a fresh count of public stories.</summary>
    private Task AssertAllExactAsync() => QueryAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var isPublic = PublicArticles.At(now);
        var categories = await db.Categories.Select(c => new
        {
            c.Slug,
            c.PublicStoryCount,
            Actual = c.Articles.AsQueryable().Where(isPublic).Count(a => a.Kind == ArticleKind.Story),
        }).ToListAsync();
        var tags = await db.Tags.Select(t => new
        {
            t.Slug,
            t.PublicStoryCount,
            Actual = t.Articles.AsQueryable().Where(isPublic).Count(a => a.Kind == ArticleKind.Story),
        }).ToListAsync();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.True(c.PublicStoryCount == c.Actual, $"section {c.Slug}: stored {c.PublicStoryCount}, counted {c.Actual}"));
        Assert.All(tags, t => Assert.True(t.PublicStoryCount == t.Actual, $"tag {t.Slug}: stored {t.PublicStoryCount}, counted {t.Actual}"));
        return 0;
    });

    private Task<int> CategoryCountAsync(int id) => QueryAsync(db => db.Categories.Where(c => c.Id == id).Select(c => c.PublicStoryCount).SingleAsync());

    private Task<int> TagCountAsync(string slug) => QueryAsync(db => db.Tags.Where(t => t.Slug == slug).Select(t => t.PublicStoryCount).SingleAsync());

    private Task EditAsync(int id, Func<Article, HeraldDbContext, Task> change) => WriteAsync(async (pipeline, db) =>
    {
        var edit = await pipeline.OpenAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no article {id}");
        await change(edit.Article, db);
        edit.Article.Version++;
        Assert.Empty(await pipeline.SaveAsync(edit, ArticleWriteOrigin.Newsroom, CancellationToken.None));
        return id;
    });

    private async Task<int> WriteAsync(Func<ArticlePipeline, HeraldDbContext, Task<int>> write)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<ArticlePipeline>(), scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}

public sealed class SqliteTermCountTests(SqliteSiteFixture site) : TermCountTests(site), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresTermCountTests(PostgresSiteFixture site) : TermCountTests(site), IClassFixture<PostgresSiteFixture>;