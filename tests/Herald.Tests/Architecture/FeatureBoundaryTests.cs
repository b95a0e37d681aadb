using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Architecture;

/// <summary>
/// Feature folders are boundaries. A feature may name what another one offers — its stored model,
/// the short list of public surfaces below, the page parts other pages include — and nothing else;
/// the start-up code that wires features together is the one place that names them all.
/// </summary>
public sealed class FeatureBoundaryTests
{
    /// <summary>What each feature offers the others, besides its stored model. Keep it short.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PublicSurfaces = new Dictionary<string, string[]>
    {
        // The database and how to reach it.
        ["Storage"] = ["HeraldDbContext", "SqliteHeraldDbContext", "PostgresHeraldDbContext", "DatabaseConnection", "DatabaseProvider", "DatabaseInitializer",
            // Whether a process serves or runs a bulk command (import, export), which tunes its SQLite connections.
            "DatabaseWorkload"],
        // Queries and list shapes, public addresses and slugs, the write pipeline, its change handlers and body rendering;
        // the figure block the editor inserts and the reading time the editor shows as the page does.
        ["Articles"] =
        [
            "ArticleQueries", "CardQueries", "ArticleSummary", "ArticleCard", "BylineName", "PagedList", "PageNumber", "ArticleUrls", "Slugs", "ITaxonomyTerm",
            "ArticlePipeline", "ArticleEdit", "ArticleBatch", "ArticleWriteOrigin", "ArticleRejectedException",
            "IArticleChangeHandler", "ArticleChange", "ArticleChangeKind", "ArticleBody", "IBodyRenderer", "IBodyRenderHints", "RenderedBody",
            "MarkdownRenderer", "PublicArticles", "ArticleGraph", "ArticleLimits", "Figure", "ReadingTime",
            // Whether a reader may see a password-protected story's words, for every page, feed and API that shows them;
            // the cache policy that keeps unlocked answers out of the output cache, for Hosting's policies.
            "PostPasswords", "UnlockedReaderPolicy",
            // The archive index the sitemaps read a section's and an author's newest story from.
            "ArchiveEntry", "ArchiveKind",
        ],
        // The caching vocabulary and the writer that journals what a write invalidates; the command line and the
        // app builder for verbs that need the whole app; the site's public address, its metrics and the settings a
        // verb reads; which client a request comes from, and which addresses are safe to link.
        ["Hosting"] =
        [
            "Caching", "CacheTags", "CacheEvictor", "IInvalidationListener", "SiteWriter", "InvalidationSet",
            "CommandLineArguments", "CommandLineException", "HeraldServer", "ServeOptions",
            "PublicAddress", "HeraldMetrics", "ServeSettings", "ClientNetwork", "SafeUrls",
        ],
        // The site's settings snapshot and how dates and sections are shown; the breaking-news banner the newsroom raises; the limits of a menu, for its editor and the importer.
        ["Site"] =
        [
            "SiteState", "SiteSnapshot", "Display", "SectionLink",
            "BreakingNewsDesk", "BreakingNewsState", "BreakingBanner", "BreakingExpiry", "RaiseOutcome",
            "MenuLimits",
        ],
        // Staff sign-in, its answers and throttles, for the newsroom's sign-in page.
        // the second step for an authenticator, password-reset links and their throttle, the words for a wait,
        // the mail server the operator names (read at start) and the sender the pages use; whether an account
        // is disabled; the authenticator set-up of the account page.
        ["Accounts"] =
        [
            "Roles", "UserAccounts", "AccountException", "StaffSignIn", "StaffSignInResult", "LoginThrottle",
            "TwoFactorSignIn", "SecondStepResult", "PasswordResets", "ResetResult", "ResetRequestThrottle", "Waits",
            "MailServer", "MailTls", "MailSender", "MailOutbox", "AccountStatus", "AuthenticatorSetup", "AuthenticatorKey",
            // Application passwords: made in the newsroom, checked (with the sign-in's throttle) by the WordPress API.
            "ApplicationPasswords", "ApplicationPasswordFormat", "StandInPassword", "LoginAttempt",
        ],
        // The newsroom's policies and its one home.
        // The one way a person changes an article (permission, workflow, revision), which the WordPress API's writes go through.
        ["Newsroom"] =
        [
            "NewsroomAccess", "NewsroomArea",
            "ArticlePublisher", "PublishOutcome", "ArticleForm", "EditorAction", "StaffMember", "ArticleTrash",
            // Who may do what to an article: the API asks before a change it must refuse rather than ignore (sticky, password).
            "ArticleAuthorizationHandler", "ArticleOperations",
            // The one confirmation every newsroom page asks with (the comment queue, entity corrections).
            "Confirmation",
        ],
        // Where media files live (and which store a site chose) and how a picture is checked, for uploads and imports alike; where a stored file lives, for the importer.
        // The focal point a picture carries into every page that crops it (cards, the writing desk's previews).
        ["Media"] = ["IMediaStore", "MediaStoreKind", "ImageIntake", "ProcessedImage", "MediaRejectedException", "MediaPaths", "FocalPoint"],
        // How a comment is shown and signed elsewhere (the WordPress API, export): text, avatars, limits;
        // the comment settings, which start-up checks.
        // The rate limit on public form posts, which a protected story's password form shares.
        ["Comments"] = ["CommentText", "CommentKeys", "KeyRing", "Identicon", "CommentLimits", "CommentOptions", "CommentServices",
            // Moderation, for the WordPress API's comment writes: the same rules as the comment queue.
            "CommentModerator", "ModerationAction", "StaffCommenter", "FormProblems", "CommentFields"],
        // Search, for the WordPress API's search endpoint; RSS text and extensions, for the comment feeds.
        ["Discovery"] = ["ISearchIndex", "SearchQuery", "FeedText", "RssExtensions"],
        // Which entities a public page may name, for the related-stories evidence.
        ["Understanding"] = ["PublicEntities"],
    };

    /// <summary>Page parts another feature's pages include by path: the two layouts, metadata, the pager and the newsroom's one confirmation.</summary>
    public static readonly IReadOnlyList<string> SharedViews =
    [
        "/Site/Layout/_Layout.cshtml", "/Newsroom/Layout/_NewsroomLayout.cshtml",
        "/Discovery/Metadata/_ArticleMetadata.cshtml", "/Discovery/Metadata/_PageMetadata.cshtml",
        "/Articles/Pages/_Pager.cshtml",
        "/Newsroom/Confirm/_Confirm.cshtml",
    ];

    /// <summary>Start-up: where the features are registered and the command-line verbs dispatched.</summary>
    public static readonly IReadOnlyList<string> CompositionRoot = ["Hosting/HeraldServer.cs", "Hosting/HeraldCommandLine.cs"];

    /// <summary>
    /// Known crossings still to be removed, each naming its file: the API's upload uses the newsroom's media library
    /// until the library's upload moves to Media (the rule's own test uses MediaLibrary as its example of a crossing).
    /// </summary>
    public static readonly IReadOnlyList<(string File, string Target)> Pending =
    [
        ("WordPress/RestApi/WpMediaWrites.cs", "Herald.Newsroom.Media.MediaLibrary"),
        ("WordPress/RestApi/WpMediaWrites.cs", "Herald.Newsroom.Media.UploadText"),
    ];

    private static readonly string SourceRoot = Path.Combine(RepositoryPaths.Root, "src", "Herald");

    [Fact]
    public void No_feature_reaches_into_another_features_internals()
    {
        var crossings = Violations(SourceReferences.FromFolder(SourceRoot).CrossFeature()).ToList();

        Assert.True(crossings.Count == 0, "Reaching into another feature (offer it in PublicSurfaces, or move it):\n"
            + string.Join('\n', crossings.Select(c => $"  {c.File} → {c.Target}")));
    }

    [Fact]
    public void The_rule_catches_a_constant_a_qualified_name_a_using_and_a_view()
    {
        var references = new SourceReferences(
        [
            ("Newsroom/Media/MediaLibrary.cs", "namespace Herald.Newsroom.Media;\npublic sealed class MediaLibrary { public const long MaxUploadBytes = 1; }"),
            ("Comments/SpamClassifier.cs", "namespace Herald.Comments;\npublic sealed class SpamClassifier { }"),
            ("Site/ErrorPage.cshtml.cs", "namespace Herald.Site;\nclass ErrorPageModel { long Limit = Herald.Newsroom.Media.MediaLibrary.MaxUploadBytes; }"),
            ("Site/SiteState.cs", "using Herald.Comments;\nnamespace Herald.Site;\n// SpamClassifier in a comment does not count.\nclass SiteState { SpamClassifier? spam; }"),
            ("Site/Layout/Other.cshtml", "@{ Layout = \"/Newsroom/Layout/_Secret.cshtml\"; }"),
            ("Hosting/Startup.cs", "namespace Herald.Hosting;\nclass Startup { object x = Newsroom.Media.MediaLibrary.MaxUploadBytes; }"),
        ]);

        var found = Violations(references.CrossFeature()).Select(c => $"{c.File} → {c.Target}").ToList();

        Assert.Contains("Site/ErrorPage.cshtml.cs → Herald.Newsroom.Media.MediaLibrary", found);
        Assert.Contains("Site/SiteState.cs → Herald.Comments.SpamClassifier", found);
        Assert.Contains("Site/Layout/Other.cshtml → /Newsroom/Layout/_Secret.cshtml", found);
        Assert.Contains("Hosting/Startup.cs → Herald.Newsroom.Media.MediaLibrary", found);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public void Every_named_surface_and_exception_still_exists()
    {
        var references = SourceReferences.FromFolder(SourceRoot);
        foreach (var (feature, names) in PublicSurfaces)
        {
            Assert.All(names, name => Assert.True(references.Declares(feature, name), $"{feature} no longer declares {name}"));
        }
        Assert.All(SharedViews, view => Assert.True(File.Exists(Path.Combine(SourceRoot, view.TrimStart('/'))), $"{view} is gone"));
        var crossings = references.CrossFeature().Select(c => (c.File, c.Target)).ToHashSet();
        Assert.All(Pending, pending => Assert.True(crossings.Contains(pending), $"{pending.File} no longer names {pending.Target}: take it off the list"));
    }

    private static IEnumerable<FeatureReference> Violations(IEnumerable<FeatureReference> references)
    {
        var model = StoredModel();
        var pending = Pending.ToHashSet();
        return references
            .Where(r => !CompositionRoot.Contains(r.File))
            .Where(r => !SharedViews.Contains(r.Target))
            .Where(r => !model.Contains(r.Target))
            .Where(r => !(PublicSurfaces.TryGetValue(r.ToFeature, out var names) && names.Contains(r.Target.Split('.')[^1])))
            .Where(r => !pending.Contains((r.File, r.Target)))
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal);
    }

    /// <summary>Every feature's stored model: the entity types the database maps, and the enums their columns hold.</summary>
    private static HashSet<string> StoredModel()
    {
        using var db = new SqliteHeraldDbContext(new DbContextOptionsBuilder<SqliteHeraldDbContext>().UseSqlite("Data Source=:memory:").Options);
        var types = db.Model.GetEntityTypes().Select(e => e.ClrType).ToList();
        var enums = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Where(t => t.IsEnum);
        return types.Concat(enums).Where(t => t.Namespace?.StartsWith("Herald", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!.Replace('+', '.')).ToHashSet();
    }
}