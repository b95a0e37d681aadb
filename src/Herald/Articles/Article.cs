namespace Herald.Articles;

/// <summary>A story as the newsroom writes it and the reader sees it.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Headline { get; set; }
    public string? Dek { get; set; }

    /// <summary>
    /// The body as written: Markdown for stories written in Herald, or the original HTML (with
    /// WordPress block comments and shortcodes) when <see cref="BodyFormat"/> is Html.
    /// </summary>
    public string BodySource { get; set; } = "";

    /// <summary>How <see cref="BodySource"/> is written; imported WordPress content stays HTML.</summary>
    public BodyFormat BodyFormat { get; set; } = BodyFormat.Markdown;

    /// <summary>A story (dated, listed, in feeds) or a standing page such as "About" at /{slug}.</summary>
    public ArticleKind Kind { get; set; } = ArticleKind.Story;

    /// <summary>Kept at the top of the home page and of lists that honour it (WordPress's sticky posts).</summary>
    public bool IsSticky { get; set; }

    /// <summary>
    /// What a reader must give to read the story (WordPress's post password); null when anyone may.
    /// Until it is given, only the headline and byline are shown: <see cref="Protection.PostPasswords"/>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Sanitized HTML rendered from <see cref="BodySource"/> when the article is saved.</summary>
    public string BodyHtml { get; set; } = "";
    public string? Excerpt { get; set; }
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>UTC. Set when the article is first published (or the time it is scheduled for).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>UTC. The last editorial update a reader should know about.</summary>
    public DateTime? UpdatedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC. The last time anyone saved the article, for the newsroom's lists (readers never see it).</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>
    /// Raised by one on every write; the concurrency token that stops one person's save from
    /// silently replacing another's.
    /// </summary>
    public int Version { get; set; }

    /// <summary>The newsroom account that started the article; with the byline, it decides who "owns" it.</summary>
    public string? CreatedByUserId { get; set; }
    public int WordCount { get; set; }
    public CommentStatus CommentStatus { get; set; } = CommentStatus.Open;

    /// <summary>Approved comments, kept by moderation so lists show the count without a query per card.</summary>
    public int CommentCount { get; set; }

    public int? PrimaryCategoryId { get; set; }
    public Category? PrimaryCategory { get; set; }
    public FeaturedImage? FeaturedImage { get; set; }

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<OldSlug> OldSlugs { get; set; } = [];

    /// <summary>Dated corrections and updates, oldest first when shown.</summary>
    public List<ArticleNote> Notes { get; set; } = [];

    /// <summary>UTC. When the story was moved to the trash; null while it is not there.</summary>
    public DateTime? TrashedAt { get; set; }

    /// <summary>The newsroom account that moved the story to the trash.</summary>
    public string? TrashedByUserId { get; set; }

    /// <summary>The name of who moved it, kept as it was then (an account may go later).</summary>
    public string? TrashedByName { get; set; }

    /// <summary>The status the story had before the trash, which a restore starts from.</summary>
    public ArticleStatus? StatusBeforeTrash { get; set; }
}

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Unpublished = 3,

    /// <summary>Written and handed to an editor for review; not public.</summary>
    Submitted = 4,

    /// <summary>
    /// In the newsroom's trash: kept whole (revisions, comments, tags, slug) but public nowhere; its
    /// address answers 410 Gone until it is restored or deleted for good.
    /// </summary>
    Trashed = 5,
}

public enum ArticleKind
{
    Story = 0,

    /// <summary>A page outside the news flow: not listed, not in feeds, served at /{slug}.</summary>
    Page = 1,
}

public enum BodyFormat
{
    Markdown = 0,
    Html = 1,
}

public enum CommentStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>The picture at the top of an article, with the words that must travel with it.</summary>
public sealed class FeaturedImage
{
    public required string Url { get; set; }
    public required string Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>The media library item the picture came from, when it came from the library.</summary>
    public int? MediaItemId { get; set; }

    /// <summary>The renditions as an HTML srcset ("url 480w, url 800w, ..."), copied from the library item.</summary>
    public string? Srcset { get; set; }

    /// <summary>The library item's focal point (<see cref="Media.FocalPoint"/>), kept in step when an editor moves it.</summary>
    public int FocusX { get; set; } = Media.FocalPoint.Middle;

    public int FocusY { get; set; } = Media.FocalPoint.Middle;
}

/// <summary>Byline order matters ("By A and B"), so the join carries a position.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>A URL an article used to live at; requests to it answer 301 to the current one.</summary>
public sealed class OldSlug
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Year { get; set; }
    public int Month { get; set; }
    public required string Slug { get; set; }
}