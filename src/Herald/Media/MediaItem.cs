using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Media;

/// <summary>An uploaded picture: checked, stripped of location data, stored with its renditions.</summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>The name the file had on the uploader's computer, for finding it again.</summary>
    public required string OriginalName { get; set; }

    /// <summary>The full-size picture as served (re-encoded, metadata removed).</summary>
    public required string Url { get; set; }

    /// <summary>Every stored width as an HTML srcset, full size included.</summary>
    public required string Srcset { get; set; }

    /// <summary>The narrowest stored rendition, for thumbnails in the library.</summary>
    public required string ThumbnailUrl { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public string Alt { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    /// <summary>The spot kept in view when a layout crops the picture, in percent across (<see cref="FocalPoint"/>).</summary>
    public int FocusX { get; set; } = FocalPoint.Middle;

    /// <summary>The spot kept in view when a layout crops the picture, in percent down.</summary>
    public int FocusY { get; set; } = FocalPoint.Middle;

    public string? UploadedByUserId { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }

    /// <summary>The article the item was uploaded for or attached to (WordPress's post_parent), if any.</summary>
    public int? ArticleId { get; set; }

    /// <summary>
    /// Where the file lived before Herald, for imported items. When the file itself was not
    /// imported, <see cref="Url"/> is this address too.
    /// </summary>
    public string? SourceUrl { get; set; }
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> media)
    {
        media.Property(m => m.OriginalName).HasMaxLength(255);
        media.Property(m => m.Url).HasMaxLength(500);
        media.Property(m => m.ThumbnailUrl).HasMaxLength(500);
        media.Property(m => m.Srcset).HasMaxLength(2000);
        media.Property(m => m.ContentType).HasMaxLength(50);
        media.Property(m => m.Alt).HasMaxLength(500);
        media.Property(m => m.Caption).HasMaxLength(1000);
        media.Property(m => m.Credit).HasMaxLength(300);
        media.Property(m => m.UploadedByUserId).HasMaxLength(450);
        media.Property(m => m.UploadedByName).HasMaxLength(256);
        media.Property(m => m.SourceUrl).HasMaxLength(1000);
        media.HasIndex(m => m.UploadedAt);
        media.HasIndex(m => m.ArticleId);
        media.HasOne<Herald.Articles.Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}