using Herald.Articles;
using Herald.Comments;
using Herald.Media;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// What the demo site lacks and the API must show or hide: a page, a sticky story, drafts and
/// scheduled stories, approved, pending and spam comments (all with e-mail addresses), media
/// attached to published and to draft work, and an author with nothing published.
/// </summary>
public sealed record WpSeed(
    int StoryId,
    int StickyId,
    int PageId,
    int DraftId,
    int DraftPageId,
    int ScheduledId,
    int ApprovedCommentId,
    int ReplyId,
    int PendingCommentId,
    int DraftCommentId,
    int MediaId,
    int HiddenMediaId,
    int LooseMediaId,
    int SilentAuthorId,
    int CategoryId,
    int TagId)
{
    public const string Email = "reader.private@example.net";
    public const string DraftHeadline = "Unpublished zebrafish memo";
    public const string PendingBody = "Pending words about lighthouses";

    public static async Task<WpSeed> CreateAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<ArticleBody>();
        var now = DateTime.UtcNow;
        var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var tag = new Tag { Name = "Lighthouses", Slug = "lighthouses" };

        var media = Media("harbour-lights.jpg", null);
        var hiddenMedia = Media("secret-plan.jpg", null);
        var looseMedia = Media("loose-photo.png", null);
        db.MediaItems.AddRange(media, hiddenMedia, looseMedia);
        await db.SaveChangesAsync();

        Article Write(string headline, ArticleKind kind = ArticleKind.Story, ArticleStatus status = ArticleStatus.Published, DateTime? at = null)
        {
            var article = new Article
            {
                Slug = Slugs.From(headline),
                Headline = headline,
                BodySource = $"The {headline.ToLowerInvariant()} story, told in plain words about lighthouses.",
                Kind = kind,
                Status = status,
                PublishedAt = at ?? now.AddMinutes(-30),
                CreatedAt = now.AddHours(-2),
                PrimaryCategory = kind == ArticleKind.Story ? category : null,
            };
            if (kind == ArticleKind.Story)
            {
                article.Categories.Add(category);
                article.Tags.Add(tag);
            }
            article.Authors.Add(new ArticleAuthor { Author = author, Position = 0 });
            renderer.RenderInto(article);
            db.Articles.Add(article);
            return article;
        }

        var story = Write("Keepers of the northern lighthouses & their lamps");
        story.FeaturedImage = new FeaturedImage { Url = media.Url, Alt = media.Alt, Width = 1600, Height = 900, MediaItemId = media.Id, Srcset = media.Srcset };
        var sticky = Write("A sticky notice about lighthouse tours");
        sticky.IsSticky = true;
        var page = Write("About the lighthouse desk", ArticleKind.Page);
        var draft = Write(DraftHeadline, status: ArticleStatus.Draft);
        var draftPage = Write("Draft page about zebrafish", ArticleKind.Page, ArticleStatus.Draft);
        var scheduled = Write("Scheduled zebrafish announcement", at: now.AddDays(3), status: ArticleStatus.Scheduled);
        var silent = new Author { Name = "Quiet Contributor", Slug = "quiet-contributor" };
        db.Authors.Add(silent);
        await db.SaveChangesAsync();
        media.ArticleId = story.Id;
        hiddenMedia.ArticleId = draft.Id;

        Comment Reply(Article on, string body, ModerationStatus status, Comment? parent = null) => new()
        {
            Article = on,
            Parent = parent,
            Depth = parent is null ? 0 : 1,
            AuthorName = "Ines Reader",
            AuthorEmail = Email,
            AuthorUrl = "https://ines.example.org/",
            Body = body,
            Status = status,
            CreatedAt = now.AddMinutes(parent is null ? -20 : -10),
            AvatarKey = "0123456789abcdef01234567",
            EmailHash = "hash-of-the-address",
        };
        var approved = Reply(story, "A fine piece.\n\nSecond paragraph <b>not bold</b>.", ModerationStatus.Approved);
        var reply = Reply(story, "I agree with you.", ModerationStatus.Approved, approved);
        var pending = Reply(story, PendingBody, ModerationStatus.Pending);
        var spam = Reply(story, "Buy cheap pills", ModerationStatus.Spam);
        var onDraft = Reply(draft, "Approved but under a draft", ModerationStatus.Approved);
        db.Comments.AddRange(approved, reply, pending, spam, onDraft);
        await scope.ServiceProvider.GetRequiredService<CommentPublishing>().SaveAsync([story.Id, draft.Id], CancellationToken.None);
        // The seed writes rows directly, not through the pipeline that keeps the stored term counts.
        await Herald.Articles.Writing.TermCounts.RecountAllAsync(db, DateTime.UtcNow, CancellationToken.None);

        return new WpSeed(story.Id, sticky.Id, page.Id, draft.Id, draftPage.Id, scheduled.Id, approved.Id, reply.Id, pending.Id, onDraft.Id,
            media.Id, hiddenMedia.Id, looseMedia.Id, silent.Id, category.Id, tag.Id);
    }

    private static MediaItem Media(string name, int? articleId) => new()
    {
        OriginalName = name,
        Url = $"/media/2026/01/{Path.GetFileNameWithoutExtension(name)}-1600.jpg",
        Srcset = $"/media/2026/01/{Path.GetFileNameWithoutExtension(name)}-480.jpg 480w, /media/2026/01/{Path.GetFileNameWithoutExtension(name)}-800.jpg 800w, /media/2026/01/{Path.GetFileNameWithoutExtension(name)}-1600.jpg 1600w",
        ThumbnailUrl = $"/media/2026/01/{Path.GetFileNameWithoutExtension(name)}-480.jpg",
        ContentType = "image/jpeg",
        Width = 1600,
        Height = 900,
        Bytes = 123_456,
        Alt = $"Alt text of {name}",
        Caption = $"Caption of {name} & more",
        UploadedAt = DateTime.UtcNow.AddHours(-3),
        UploadedByName = "Photo desk",
        ArticleId = articleId,
    };
}

/// <summary>A demo site plus <see cref="WpSeed"/>, once per test class.</summary>
public interface IWpSite
{
    HeraldTestServer RequireServer();

    Task<WpSeed> SeedAsync();
}

public sealed class SqliteWpSite : SqliteSiteFixture, IWpSite
{
    private readonly SeedOnce seed = new();

    public Task<WpSeed> SeedAsync() => seed.GetAsync(() => WpSeed.CreateAsync(RequireServer()));
}

public sealed class PostgresWpSite : PostgresSiteFixture, IWpSite
{
    private readonly SeedOnce seed = new();

    public Task<WpSeed> SeedAsync() => seed.GetAsync(() => WpSeed.CreateAsync(RequireServer()));
}

/// <summary>The seed a fixture's tests share, made by the first test that asks.</summary>
public sealed class SeedOnce
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private WpSeed? seed;

    public async Task<WpSeed> GetAsync(Func<Task<WpSeed>> create)
    {
        await gate.WaitAsync();
        try
        {
            return seed ??= await create();
        }
        finally
        {
            gate.Release();
        }
    }
}