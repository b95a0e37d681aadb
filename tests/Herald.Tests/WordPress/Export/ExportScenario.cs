using Herald.Accounts;
using Herald.Articles;
using Herald.Comments;
using Herald.Media;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.Export;

/// <summary>The ids of what <see cref="ExportScenario"/> added to the demo site.</summary>
public sealed record ScenarioIds(int Feature, int Page, int Sticky, int Draft, int HtmlStory, int Media,
    int TopComment, int Reply, int PendingReply, int Spam, int Pingback);

/// <summary>
/// Adds to the demo newsroom one of everything the export must carry: a story with two
/// bylines, a dek, an old slug, a library picture, threaded comments in every state, unicode
/// and "]]>" in its body; a standing page; a sticky story; a draft; an imported HTML story;
/// a child section; and an author linked to a newsroom account.
/// </summary>
public static class ExportScenario
{
    public const string FeatureSlug = "harbour-bridge-reopens";
    public const string FeatureMarkdown = """
        The bridge reopened on *Tuesday* — «endelig», said Ærlig Øyvind, and 東京's delegation cheered 🎉.

        > “We waited two years,” said the mayor.

        Engineers wrote `a]]>b` on the plans, and the code block keeps it:

            if (x]]>y) { return; }
        """;

    /// <summary>The HTML story's reader password: spaces, markup characters and a CDATA end, to travel exactly.</summary>
    public const string StoryPassword = "quay <lights> & ]]> 7";

    public const string HtmlBody = "<!-- wp:paragraph -->\n<p>Imported from WordPress: ]]> stays, and so does [caption id=\"1\"]a caption[/caption].</p>\n<!-- /wp:paragraph -->";
    public const string AuthorEmail = "marta@harbour.example";

    public static async Task<ScenarioIds> SeedAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HeraldDbContext>();
        var renderer = services.GetRequiredService<ArticleBody>();

        var user = new HeraldUser { UserName = AuthorEmail, Email = AuthorEmail, DisplayName = "Marta Lindqvist" };
        db.Users.Add(user);
        var authors = await db.Authors.OrderBy(a => a.Id).Take(2).ToListAsync();
        authors[0].UserId = user.Id;

        var politics = await db.Categories.SingleAsync(c => c.Slug == "politics");
        var council = new Category { Slug = "city-council", Name = "City council", Description = "The council, vote by vote.", Parent = politics, Position = 99 };
        db.Categories.Add(council);
        var bridgeTag = new Tag { Slug = "harbour-bridge", Name = "Harbour Bridge" };
        var unicodeTag = new Tag { Slug = "tromso", Name = "Tromsø" };

        var published = new DateTime(2025, 3, 4, 22, 30, 0, DateTimeKind.Utc);
        var feature = new Article
        {
            Slug = FeatureSlug,
            Headline = "Harbour bridge reopens — «endelig» for 東京 visitors",
            Dek = "Two years, two bylines & one <bridge>.",
            BodySource = FeatureMarkdown,
            Status = ArticleStatus.Published,
            PublishedAt = published,
            UpdatedAt = published.AddHours(5),
            CreatedAt = published.AddDays(-1),
            PrimaryCategory = council,
            Categories = [council, politics],
            Tags = [bridgeTag, unicodeTag],
            Authors = [new ArticleAuthor { Author = authors[1], Position = 0 }, new ArticleAuthor { Author = authors[0], Position = 1 }],
            OldSlugs = [new OldSlug { Slug = "bridge-to-reopen", Year = 2025, Month = 3 }],
        };
        renderer.RenderInto(feature);
        db.Articles.Add(feature);
        await db.SaveChangesAsync();

        var media = new MediaItem
        {
            OriginalName = "bridge-at-dawn.jpg",
            Url = "/media/2025/03/bridge-at-dawn.jpg",
            Srcset = "/media/2025/03/bridge-at-dawn.jpg 1600w",
            ThumbnailUrl = "/media/2025/03/bridge-at-dawn-480.jpg",
            ContentType = "image/jpeg",
            Width = 1600,
            Height = 900,
            Bytes = 123456,
            Alt = "The bridge at dawn, lit from below",
            Caption = "The first cars cross at 06:00.",
            Credit = "Photo: Kari Nordmann",
            UploadedByUserId = user.Id,
            UploadedByName = "Marta Lindqvist",
            UploadedAt = published.AddHours(-3),
            ArticleId = feature.Id,
        };
        db.MediaItems.Add(media);
        await db.SaveChangesAsync();
        feature.FeaturedImage = new FeaturedImage
        {
            Url = media.Url,
            Alt = media.Alt,
            Caption = media.Caption,
            Credit = media.Credit,
            Width = media.Width,
            Height = media.Height,
            MediaItemId = media.Id,
            Srcset = media.Srcset,
        };

        var top = Comment(feature, null, "Reader One", "one@example.org", "Finally! Worth the ]]> wait.", ModerationStatus.Approved, published.AddHours(1));
        db.Comments.Add(top);
        await db.SaveChangesAsync();
        var reply = Comment(feature, top, "Reader Two", "two@example.org", "Agreed — «fantastisk».", ModerationStatus.Approved, published.AddHours(2));
        db.Comments.Add(reply);
        await db.SaveChangesAsync();
        var pending = Comment(feature, reply, "Reader Three", "three@example.org", "A reply still held for moderation.", ModerationStatus.Pending, published.AddHours(3));
        var spam = Comment(feature, null, "Cheap Pills", "spam@example.org", "Buy now http://spam.example", ModerationStatus.Spam, published.AddHours(4));
        var pingback = Comment(feature, null, "Another Blog", "", "[…] the bridge reopened […]", ModerationStatus.Approved, published.AddHours(6));
        pingback.Kind = CommentKind.Pingback;
        pingback.AuthorUrl = "https://blog.example/bridge";
        db.Comments.AddRange(pending, spam, pingback);
        feature.CommentCount = 3;

        var page = Story("about-us", "About The Harbour Herald", "We are a **small** newsroom by the sea.", published.AddDays(-300), authors[0], politics);
        page.Kind = ArticleKind.Page;
        page.Categories = [];
        page.PrimaryCategory = null;
        page.CommentStatus = CommentStatus.Closed;
        var sticky = Story("ferry-timetable-changes", "Ferry timetable changes this winter", "Read this before you travel.", published.AddDays(-2), authors[1], politics);
        sticky.IsSticky = true;
        var draft = Story("budget-draft-unfinished", "Budget draft, not yet finished", "Work in progress.", null, authors[0], council);
        draft.Status = ArticleStatus.Draft;
        var html = Story("imported-wordpress-story", "An imported WordPress story", HtmlBody, published.AddDays(-30), authors[1], politics);
        html.BodyFormat = BodyFormat.Html;
        html.Password = StoryPassword;
        foreach (var article in new[] { page, sticky, draft, html })
        {
            renderer.RenderInto(article);
            db.Articles.Add(article);
        }
        await db.SaveChangesAsync();
        return new ScenarioIds(feature.Id, page.Id, sticky.Id, draft.Id, html.Id, media.Id, top.Id, reply.Id, pending.Id, spam.Id, pingback.Id);
    }

    private static Article Story(string slug, string headline, string body, DateTime? published, Author author, Category category) => new()
    {
        Slug = slug,
        Headline = headline,
        BodySource = body,
        Status = ArticleStatus.Published,
        PublishedAt = published,
        CreatedAt = published ?? new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        PrimaryCategory = category,
        Categories = [category],
        Authors = [new ArticleAuthor { Author = author, Position = 0 }],
    };

    private static Comment Comment(Article article, Comment? parent, string name, string email, string body, ModerationStatus status, DateTime at) => new()
    {
        Article = article,
        Parent = parent,
        Depth = parent is null ? 0 : parent.Depth + 1,
        AuthorName = name,
        AuthorEmail = email,
        Body = body,
        Status = status,
        StatusReason = "test",
        CreatedAt = at,
    };
}