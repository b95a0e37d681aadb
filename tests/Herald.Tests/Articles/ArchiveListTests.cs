using System.Net;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Articles;

/// <summary>
/// A section, tag or author archive lists exactly the stories a reader may see there, however they
/// got there, and its index (<see cref="ArchiveEntry"/>, kept by database triggers) follows every
/// kind of write. Run against SQLite and PostgreSQL, without the output cache, on a fake clock.
/// </summary>
public abstract class ArchiveListTests(SiteFixture fixture, FakeTimeProvider clock)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_section_lists_its_primary_and_secondary_stories_once_and_nothing_a_reader_may_not_see()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var section = await AddCategoryAsync("Harbour affairs");
        var other = await AddCategoryAsync("Inland affairs");
        var primaryOnly = await AddStoryAsync("Primary only", now.AddHours(-1), section, [other]);
        var secondaryOnly = await AddStoryAsync("Filed under it as well", now.AddHours(-2), other, [other, section]);
        var both = await AddStoryAsync("Primary and filed", now.AddHours(-3), section, [section]);
        var comingUp = await AddStoryAsync("Published for later", now.AddHours(2), section, [section]);
        // Beyond the hours the clock moves below, so the scheduler leaves it alone.
        await AddStoryAsync("Scheduled for later", now.AddHours(5), section, [section], ArticleStatus.Scheduled);
        await AddStoryAsync("A draft", now.AddHours(-1), section, [section], ArticleStatus.Draft);
        await AddStoryAsync("A standing page", now.AddHours(-1), section, [section], kind: ArticleKind.Page);
        await AddStoryAsync("Elsewhere", now.AddHours(-1), other, [other]);

        Assert.Equal(await UrlsAsync(primaryOnly, secondaryOnly, both), await ListAsync(section.Slug));

        // A story published for a later time comes into the list when its time passes, without a write.
        // (The clock stays there: every test reads the time from it.)
        clock.SetUtcNow(new DateTimeOffset(now.AddHours(3), TimeSpan.Zero));
        Assert.Equal(await UrlsAsync(comingUp, primaryOnly, secondaryOnly, both), await ListAsync(section.Slug));
    }

    [SkippableFact]
    public async Task Every_change_to_a_story_moves_it_in_or_out_of_its_archives()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var section = await AddCategoryAsync("Ferry timetables");
        var other = await AddCategoryAsync("Bus timetables");
        var story = await AddStoryAsync("A timetable change", now.AddHours(-1), section, [section]);
        var stays = await AddStoryAsync("Another timetable change", now.AddHours(-2), section, [section]);

        // Unfiled as a secondary section while still primary: still listed.
        await ChangeAsync(stays.Id, (_, a) => a.Categories.Clear());
        Assert.Equal(await UrlsAsync(story, stays), await ListAsync(section.Slug));

        // Moved to another section: gone from this one, there in the other.
        await ChangeAsync(story.Id, (_, a) =>
        {
            a.PrimaryCategoryId = other.Id;
            a.Categories.Clear();
        });
        Assert.Equal(await UrlsAsync(stays), await ListAsync(section.Slug));
        Assert.Equal(await UrlsAsync(story), await ListAsync(other.Slug));

        // Filed under the first again as a secondary section: back.
        await ChangeAsync(story.Id, (db, a) => a.Categories.Add(db.Categories.Single(c => c.Id == section.Id)));
        Assert.Equal(await UrlsAsync(story, stays), await ListAsync(section.Slug));

        // Unpublished, then redated and published: out, then in its new place.
        await ChangeAsync(story.Id, (_, a) => a.Status = ArticleStatus.Unpublished);
        Assert.Equal(await UrlsAsync(stays), await ListAsync(section.Slug));
        await ChangeAsync(story.Id, (_, a) => (a.Status, a.PublishedAt) = (ArticleStatus.Published, now.AddHours(-3)));
        Assert.Equal(await UrlsAsync(stays, story), await ListAsync(section.Slug));

        // Deleted, and a bulk update that bypasses Herald's save path: the database keeps up with both.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await db.Articles.Where(a => a.Id == story.Id).ExecuteDeleteAsync();
            await db.Articles.Where(a => a.Id == stays.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Draft));
        }
        Assert.Empty(await ListAsync(section.Slug));
        Assert.Empty(await ListAsync(other.Slug));
    }

    [SkippableFact]
    public async Task The_pager_counts_the_public_stories_and_page_two_holds_the_rest()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var section = await AddCategoryAsync("Tide tables");
        var perPage = await PostsPerPageAsync();
        var stories = new List<Article>();
        for (var i = 0; i < perPage + 3; i++)
        {
            stories.Add(await AddStoryAsync($"High water {i}", now.AddHours(-1 - i), section, i % 2 == 0 ? [section] : []));
        }
        await AddStoryAsync("A draft among them", now.AddMinutes(-90), section, [section], ArticleStatus.Draft);
        using var client = Server.CreateClient();

        var (_, first) = await client.GetPageAsync($"/category/{section.Slug}");
        var second = await ListAsync(section.Slug, page: 2);

        Assert.Contains("Page 1 of 2", first.QuerySelector(".pager")!.TextContent);
        Assert.Equal(await UrlsAsync([.. stories.Take(perPage)]), first.ArticleLinks());
        Assert.Equal(await UrlsAsync([.. stories.Skip(perPage)]), second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/category/{section.Slug}?page=3")).StatusCode);
    }

    [SkippableFact]
    public async Task Tag_and_author_archives_list_their_public_stories()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var section = await AddCategoryAsync("Lighthouses");
        Tag tag;
        Author author;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var key = Guid.NewGuid().ToString("N")[..8];
            tag = new Tag { Name = "Keepers " + key, Slug = "keepers-" + key };
            author = new Author { Name = "A Keeper " + key, Slug = "a-keeper-" + key };
            db.AddRange(tag, author);
            await db.SaveChangesAsync();
        }
        var tagged = await AddStoryAsync("Tagged and bylined", now.AddHours(-1), section, [], tag: tag, author: author);
        var older = await AddStoryAsync("Older, tagged and bylined", now.AddHours(-2), section, [], tag: tag, author: author);
        await AddStoryAsync("Tagged draft", now.AddHours(-1), section, [], ArticleStatus.Draft, tag: tag, author: author);
        await AddStoryAsync("Tagged for later", now.AddHours(1), section, [], tag: tag, author: author);

        Assert.Equal(await UrlsAsync(tagged, older), await ListAsync(tag.Slug, "tag"));
        Assert.Equal(await UrlsAsync(tagged, older), await ListAsync(author.Slug, "author"));

        await ChangeAsync(older.Id, (db, a) =>
        {
            a.Tags.Clear();
            a.Authors.Clear();
            a.Authors.Add(new ArticleAuthor { AuthorId = db.Authors.OrderBy(x => x.Id).First().Id, Position = 0 });
        });
        Assert.Equal(await UrlsAsync(tagged), await ListAsync(tag.Slug, "tag"));
        Assert.Equal(await UrlsAsync(tagged), await ListAsync(author.Slug, "author"));
    }

    [SkippableFact]
    public async Task The_archive_index_holds_exactly_what_the_rule_says_for_every_section_tag_and_author()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var expected = await ExpectedAsync(db);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await ActualAsync(db));

        // The migration's backfill, run on a database whose articles came before the table, gives the same rows.
        await db.ArchiveEntries.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(Herald.Storage.Migrations.ArchiveSchema.BackfillSql(db.Database.IsNpgsql()));
        Assert.Equal(expected, await ActualAsync(db));
    }

    /// <summary>The rule written over the article rows, as the archive pages read it before the index.</summary>
    private static async Task<List<string>> ExpectedAsync(HeraldDbContext db)
    {
        var listed = await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story && a.PublishedAt != null)
            .Select(a => new
            {
                a.Id,
                a.PublishedAt,
                Sections = a.Categories.Select(c => c.Id).ToList(),
                a.PrimaryCategoryId,
                Tags = a.Tags.Select(t => t.Id).ToList(),
                Authors = a.Authors.Select(b => b.AuthorId).ToList(),
            })
            .AsSplitQuery().ToListAsync();
        return [.. listed.SelectMany(a =>
                a.Sections.Concat(a.PrimaryCategoryId is { } primary ? [primary] : []).Distinct().Select(id => (ArchiveKind.Section, id))
                    .Concat(a.Tags.Select(id => (ArchiveKind.Tag, id)))
                    .Concat(a.Authors.Select(id => (ArchiveKind.Author, id)))
                    .Select(owner => $"{owner.Item1} {owner.id} {a.Id} {a.PublishedAt:O}"))
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> ActualAsync(HeraldDbContext db) =>
        [.. (await db.ArchiveEntries.ToListAsync()).Select(e => $"{e.Kind} {e.OwnerId} {e.ArticleId} {(DateTime?)e.PublishedAt:O}").Order(StringComparer.Ordinal)];

    private async Task<Category> AddCategoryAsync(string name)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var key = Guid.NewGuid().ToString("N")[..8];
        var category = new Category { Name = $"{name} {key}", Slug = $"{Slugs.From(name)}-{key}" };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    }

    private async Task<Article> AddStoryAsync(string headline, DateTime publishedAt, Category primary, Category[] filed,
        ArticleStatus status = ArticleStatus.Published, ArticleKind kind = ArticleKind.Story, Tag? tag = null, Author? author = null)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = new Article
        {
            Slug = Slugs.From(headline) + "-" + Guid.NewGuid().ToString("N")[..8],
            Headline = headline,
            BodySource = "A few words.",
            Status = status,
            Kind = kind,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt,
            PrimaryCategoryId = primary.Id,
        };
        foreach (var category in filed)
        {
            article.Categories.Add(db.Categories.Attach(new Category { Id = category.Id, Name = category.Name, Slug = category.Slug }).Entity);
        }
        if (tag is not null)
        {
            article.Tags.Add(db.Tags.Attach(new Tag { Id = tag.Id, Name = tag.Name, Slug = tag.Slug }).Entity);
        }
        article.Authors.Add(new ArticleAuthor { AuthorId = author?.Id ?? await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(), Position = 0 });
        scope.ServiceProvider.GetRequiredService<ArticleBody>().RenderInto(article);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>Changes a story through EF as the save paths do, with its links loaded and tracked.</summary>
    private async Task ChangeAsync(int id, Action<HeraldDbContext, Article> change)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = await db.Articles.Include(a => a.Categories).Include(a => a.Tags).Include(a => a.Authors).FirstAsync(a => a.Id == id);
        change(db, article);
        await db.SaveChangesAsync();
    }

    private async Task<int> PostsPerPageAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.PostsPerPage;
    }

    private async Task<IReadOnlyList<string>> ListAsync(string slug, string kind = "category", int page = 1)
    {
        using var client = Server.CreateClient();
        var (response, document) = await client.GetPageAsync($"/{kind}/{slug}" + (page > 1 ? $"?page={page}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.ArticleLinks();
    }

    private async Task<IReadOnlyList<string>> UrlsAsync(params Article[] stories)
    {
        var urls = new List<string>();
        foreach (var story in stories)
        {
            urls.Add(await Server.UrlOfAsync(story.Slug));
        }
        return urls;
    }
}

/// <summary>A demo site without the output cache (the tests write behind Herald's back), on a clock the tests move.</summary>
public sealed class SqliteArchiveSiteFixture : SqliteSiteFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class PostgresArchiveSiteFixture : PostgresSiteFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool OutputCache => false;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class SqliteArchiveListTests(SqliteArchiveSiteFixture fixture) : ArchiveListTests(fixture, fixture.Clock), IClassFixture<SqliteArchiveSiteFixture>;

public sealed class PostgresArchiveListTests(PostgresArchiveSiteFixture fixture) : ArchiveListTests(fixture, fixture.Clock), IClassFixture<PostgresArchiveSiteFixture>;