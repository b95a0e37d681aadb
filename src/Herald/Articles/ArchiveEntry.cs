namespace Herald.Articles;

/// <summary>Which archive an <see cref="ArchiveEntry"/> lists its story in. Stored as a number the triggers name.</summary>
public enum ArchiveKind
{
    Section = 1,
    Tag = 2,
    Author = 3,
}

/// <summary>
/// A published story's place in one section, tag or author archive: the narrow copy of a story's
/// membership and date that the archive pages count and page through by index alone. Finding a
/// section's stories in the article rows meant "primary section or any section", an OR no index
/// answers (a full scan of the published stories per page view: 0.4 to 1.8 s on PostgreSQL at
/// 100,000 articles); even through the join tables a count still looked up every member article
/// to read its status and date (about 0.3 s for a 20,000-story section). Here the count is an
/// index-only range and a page an index walk (see bench/RESULTS.md).
/// <para>
/// The database keeps the rows, never Herald code: triggers on the articles and their section, tag
/// and byline links (<c>ArchiveSchema</c>) rewrite a story's rows in the same statement as any write,
/// whoever makes it (newsroom, REST API, import, demo seeding, raw SQL). A story is listed while its
/// status is published, with its publication time; a scheduled story's rows wait there until that
/// time passes, so it appears without a write, exactly when <see cref="PublicArticles"/> says it may.
/// </para>
/// </summary>
public sealed class ArchiveEntry
{
    public ArchiveKind Kind { get; set; }

    /// <summary>The section's, tag's or author's id.</summary>
    public int OwnerId { get; set; }

    public int ArticleId { get; set; }

    /// <summary>The story's publication time, copied from the article by the triggers.</summary>
    public DateTime PublishedAt { get; set; }
}