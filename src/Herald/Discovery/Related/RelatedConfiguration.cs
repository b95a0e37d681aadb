using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Discovery.Related;

internal sealed class RelatedConfiguration :
    IEntityTypeConfiguration<ArticleTerm>, IEntityTypeConfiguration<TermFrequency>, IEntityTypeConfiguration<IndexedArticle>,
    IEntityTypeConfiguration<RelatedArticle>, IEntityTypeConfiguration<RelatedOverride>
{
    public void Configure(EntityTypeBuilder<ArticleTerm> term)
    {
        term.HasKey(t => new { t.ArticleId, t.Term });
        term.Property(t => t.Term).HasMaxLength(60);
        // Candidates are looked up by term, strongest first, so a common term costs a bounded read;
        // the article id in the index spares a table lookup per posting.
        term.HasIndex(t => new { t.Term, t.Weight, t.ArticleId });
        term.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TermFrequency> frequency)
    {
        frequency.HasKey(f => f.Term);
        frequency.Property(f => f.Term).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<IndexedArticle> indexed)
    {
        indexed.HasKey(i => i.ArticleId);
        indexed.Property(i => i.ArticleId).ValueGeneratedNever();
        indexed.Property(i => i.Terms).HasMaxLength(30_000);
        indexed.HasOne<Article>().WithOne().HasForeignKey<IndexedArticle>(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RelatedArticle> related)
    {
        related.HasKey(r => new { r.ArticleId, r.RelatedArticleId });
        related.Property(r => r.Reasons).HasMaxLength(1000);
        related.HasIndex(r => r.RelatedArticleId);
        related.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        related.HasOne<Article>().WithMany().HasForeignKey(r => r.RelatedArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RelatedOverride> decision)
    {
        decision.HasKey(r => new { r.ArticleId, r.RelatedArticleId });
        decision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        decision.HasOne<Article>().WithMany().HasForeignKey(r => r.RelatedArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}