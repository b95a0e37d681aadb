using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Media;

/// <summary>
/// One file of the database media store: an uploaded picture or one of its renditions, under the
/// path its /media address names. The bytes are read and written as a stream (see
/// <see cref="DatabaseMediaStore"/>), never through this entity, which describes the file only.
/// </summary>
public sealed class MediaFile
{
    public long Id { get; set; }

    /// <summary>The path under /media, e.g. 2026/12/harbour-1a2b3c4d-640.jpg.</summary>
    public required string Path { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>A strong ETag from the bytes' SHA-256, so every node answers the same one.</summary>
    public required string ETag { get; set; }

    public DateTime StoredAt { get; set; }

    public byte[] Content { get; set; } = [];
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> file)
    {
        file.Property(f => f.Path).HasMaxLength(MediaPaths.MaxLength);
        file.HasIndex(f => f.Path).IsUnique();
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.ETag).HasMaxLength(64);
    }
}