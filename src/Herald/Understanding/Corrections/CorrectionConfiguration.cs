using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Understanding.Corrections;

internal sealed class CorrectionConfiguration :
    IEntityTypeConfiguration<EntityRedirect>, IEntityTypeConfiguration<MergedName>,
    IEntityTypeConfiguration<DetachedQuote>, IEntityTypeConfiguration<EntityHistoryEntry>, IEntityTypeConfiguration<RejectedName>
{
    public void Configure(EntityTypeBuilder<EntityRedirect> redirect)
    {
        redirect.ToTable("EntityRedirects");
        redirect.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        redirect.Property(r => r.Slug).HasMaxLength(200);
        redirect.HasIndex(r => new { r.Type, r.Slug }).IsUnique();
        redirect.HasIndex(r => r.EntityId);
        redirect.HasOne<NamedEntity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MergedName> name)
    {
        name.ToTable("MergedNames");
        name.Property(n => n.Type).HasConversion<string>().HasMaxLength(20);
        name.Property(n => n.Folded).HasMaxLength(300);
        name.HasIndex(n => new { n.Type, n.Folded }).IsUnique();
        name.HasIndex(n => n.EntityId);
        name.HasOne<NamedEntity>().WithMany().HasForeignKey(n => n.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RejectedName> name)
    {
        name.ToTable("RejectedNames");
        name.Property(n => n.Folded).HasMaxLength(300);
        name.HasIndex(n => new { n.EntityId, n.Folded }).IsUnique();
        name.HasIndex(n => n.Folded);
        name.HasOne<NamedEntity>().WithMany().HasForeignKey(n => n.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DetachedQuote> detached)
    {
        detached.ToTable("DetachedQuotes");
        detached.Property(d => d.Text).HasMaxLength(4000);
        detached.HasIndex(d => d.ArticleId);
        detached.HasIndex(d => d.EntityId);
        detached.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        detached.HasOne<NamedEntity>().WithMany().HasForeignKey(d => d.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EntityHistoryEntry> entry)
    {
        entry.ToTable("EntityHistory");
        entry.Property(e => e.By).HasMaxLength(256);
        entry.Property(e => e.What).HasMaxLength(EntityHistoryEntry.MaxWhat);
        entry.HasIndex(e => new { e.EntityId, e.At });
        entry.HasOne<NamedEntity>().WithMany().HasForeignKey(e => e.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}