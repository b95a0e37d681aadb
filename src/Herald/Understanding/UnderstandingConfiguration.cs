using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Understanding;

internal sealed class UnderstandingConfiguration :
    IEntityTypeConfiguration<NamedEntity>, IEntityTypeConfiguration<EntityAlias>, IEntityTypeConfiguration<EntityMention>,
    IEntityTypeConfiguration<ArticleQuote>, IEntityTypeConfiguration<ArticleFigure>
{
    public void Configure(EntityTypeBuilder<NamedEntity> entity)
    {
        entity.ToTable("NamedEntities");
        entity.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Name).HasMaxLength(300);
        entity.Property(e => e.Slug).HasMaxLength(200);
        entity.Property(e => e.Review).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(e => new { e.Type, e.Slug }).IsUnique();
        entity.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EntityAlias> alias)
    {
        alias.Property(a => a.Name).HasMaxLength(300);
        alias.Property(a => a.Folded).HasMaxLength(300);
        alias.HasIndex(a => a.Folded);
        alias.HasIndex(a => new { a.EntityId, a.Folded }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EntityMention> mention)
    {
        mention.HasKey(m => new { m.ArticleId, m.EntityId });
        // By entity, newest article ids last: related-article candidates read a bounded slice.
        mention.HasIndex(m => new { m.EntityId, m.ArticleId });
        mention.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Entity).WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ArticleQuote> quote)
    {
        quote.Property(q => q.Text).HasMaxLength(4000);
        quote.Property(q => q.Cue).HasMaxLength(100);
        quote.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        quote.HasIndex(q => q.ArticleId);
        quote.HasIndex(q => q.SpeakerId);
        quote.HasOne(q => q.Article).WithMany().HasForeignKey(q => q.ArticleId).OnDelete(DeleteBehavior.Cascade);
        quote.HasOne(q => q.Speaker).WithMany().HasForeignKey(q => q.SpeakerId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ArticleFigure> figure)
    {
        figure.Property(f => f.Text).HasMaxLength(300);
        figure.Property(f => f.Unit).HasMaxLength(40);
        figure.Property(f => f.Scale).HasMaxLength(40);
        figure.Property(f => f.Period).HasMaxLength(100);
        figure.HasIndex(f => f.ArticleId);
        figure.HasOne<Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}