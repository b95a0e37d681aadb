using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Hosting.Invalidation;

/// <summary>
/// One row of the invalidation journal: the cache tags one committed write affected. Written in
/// the write's own transaction, so a write and its journal row exist together or not at all;
/// every serving Herald process reads the rows after its position and evicts their tags.
/// </summary>
public sealed class CacheInvalidation
{
    /// <summary>Ever increasing; a process's position in the journal is the highest id it has applied.</summary>
    public long Id { get; set; }

    /// <summary>UTC; rows older than <see cref="JournalFollower.Retention"/> are pruned.</summary>
    public DateTime WrittenAt { get; set; }

    /// <summary>The tags, separated by spaces (tags never hold one).</summary>
    public string Tags { get; set; } = "";
}

internal sealed class CacheInvalidationConfiguration : IEntityTypeConfiguration<CacheInvalidation>
{
    public void Configure(EntityTypeBuilder<CacheInvalidation> entry)
    {
        entry.ToTable("CacheInvalidations");
        entry.Property(e => e.Tags).HasMaxLength(InvalidationSet.MaxLength);
        // Pruning deletes by age; reading goes by id (the key).
        entry.HasIndex(e => e.WrittenAt);
    }
}