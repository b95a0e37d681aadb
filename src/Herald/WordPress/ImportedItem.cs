using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.WordPress;

/// <summary>
/// Remembers which WordPress item became which Herald row, so that importing the same export
/// again (or resuming one that stopped half-way) finds what is already there instead of
/// creating it twice. One row per imported author, category, tag, post, page, attachment and
/// comment.
/// </summary>
public sealed class ImportedItem
{
    /// <summary>The WordPress site the export came from (its base blog URL), so two sites' ids never collide.</summary>
    public required string Source { get; set; }

    /// <summary>What the id numbers: "post" (posts and pages), "attachment", "comment", "category", "tag" or "author".</summary>
    public required string Kind { get; set; }

    /// <summary>WordPress's own id (post_id, comment_id, term_id; author ids are hashed logins).</summary>
    public long ExternalId { get; set; }

    /// <summary>The id of the Herald row it became (an Article, MediaItem, Comment, Category, Tag or Author).</summary>
    public int HeraldId { get; set; }

    public DateTime ImportedAt { get; set; }
}

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> item)
    {
        item.HasKey(i => new { i.Source, i.Kind, i.ExternalId });
        item.Property(i => i.Source).HasMaxLength(300);
        item.Property(i => i.Kind).HasMaxLength(20);
        item.HasIndex(i => new { i.Kind, i.HeraldId });
    }
}