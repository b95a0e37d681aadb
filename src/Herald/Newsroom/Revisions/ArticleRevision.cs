using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Newsroom.Revisions;

public enum RevisionKind
{
    /// <summary>Someone pressed a button: save, submit, publish, schedule or unpublish.</summary>
    Save = 0,

    /// <summary>Kept while typing. Consecutive autosaves by one person update one revision.</summary>
    Autosave = 1,

    /// <summary>An older revision brought back.</summary>
    Restore = 2,

    /// <summary>Herald itself, not a person: publishing a scheduled article on time.</summary>
    System = 3,

    /// <summary>
    /// An older revision of a live story brought back as a draft beside it: the article is untouched
    /// until someone publishes the draft (a confirmed step) or discards it. One per article at most;
    /// not part of the history list.
    /// </summary>
    Pending = 4,
}

/// <summary>The words of an article as they were after one save, with who saved them and when.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>Set when the revision is made with its article, so a new article's first revision gets its id on save.</summary>
    public Article? Article { get; set; }

    /// <summary>The article's <see cref="Article.Version"/> this revision produced (or was typed on, for an autosave kept aside).</summary>
    public int ArticleVersion { get; set; }
    public RevisionKind Kind { get; set; }
    public string Note { get; set; } = "";
    public string Headline { get; set; } = "";
    public string? Dek { get; set; }
    public string Slug { get; set; } = "";
    public string BodySource { get; set; } = "";
    public string? Excerpt { get; set; }

    /// <summary>Null for Herald's own changes (the scheduler).</summary>
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public static ArticleRevision Of(Article article, RevisionKind kind, string note, string? userId, string userName, DateTime now) => new()
    {
        ArticleId = article.Id,
        Article = article,
        ArticleVersion = article.Version,
        Kind = kind,
        Note = note,
        Headline = article.Headline,
        Dek = article.Dek,
        Slug = article.Slug,
        BodySource = article.BodySource,
        Excerpt = article.Excerpt,
        UserId = userId,
        UserName = userName,
        CreatedAt = now,
    };
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        revision.Property(r => r.Note).HasMaxLength(200);
        revision.Property(r => r.Headline).HasMaxLength(ArticleLimits.Headline);
        revision.Property(r => r.Dek).HasMaxLength(ArticleLimits.Dek);
        revision.Property(r => r.Slug).HasMaxLength(ArticleLimits.Slug);
        revision.Property(r => r.Excerpt).HasMaxLength(ArticleLimits.Excerpt);
        revision.Property(r => r.BodySource).HasColumnName("BodyMarkdown");
        revision.Property(r => r.UserId).HasMaxLength(450);
        revision.Property(r => r.UserName).HasMaxLength(256);
        revision.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.ArticleId, r.Id });
    }
}