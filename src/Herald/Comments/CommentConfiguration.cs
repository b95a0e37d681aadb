using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.AuthorName).HasMaxLength(CommentLimits.Name);
        comment.Property(c => c.AuthorEmail).HasMaxLength(CommentLimits.Email);
        comment.Property(c => c.AuthorUrl).HasMaxLength(CommentLimits.Url);
        // The body limit is a setting; the column is sized for the largest a site may choose.
        comment.Property(c => c.Body).HasMaxLength(CommentLimits.BodyCeiling);
        comment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        comment.Property(c => c.TrainedAs).HasConversion<string>().HasMaxLength(20);
        comment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        comment.Property(c => c.StatusReason).HasMaxLength(200);
        comment.Property(c => c.ClientHash).HasMaxLength(64);
        comment.Property(c => c.OwnerHash).HasMaxLength(64);
        comment.Property(c => c.EmailHash).HasMaxLength(64);
        comment.Property(c => c.AvatarKey).HasMaxLength(32);
        comment.Property(c => c.BodyHash).HasMaxLength(CommentText.FingerprintLength);
        comment.Property(c => c.StaffUserId).HasMaxLength(450);

        comment.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);

        comment.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
        // The duplicate check: the same words on the same story.
        comment.HasIndex(c => new { c.ArticleId, c.BodyHash });
        comment.HasIndex(c => new { c.Status, c.CreatedAt });
        comment.HasIndex(c => new { c.EmailHash, c.Status });
        comment.HasIndex(c => c.OwnerHash);
        comment.HasIndex(c => new { c.ClientHash, c.CreatedAt });
    }
}

internal sealed class SpamTokenConfiguration : IEntityTypeConfiguration<SpamToken>
{
    public void Configure(EntityTypeBuilder<SpamToken> token)
    {
        token.HasKey(t => t.Token);
        token.Property(t => t.Token).HasMaxLength(SpamClassifier.MaxTokenLength);
    }
}

internal sealed class SiteSecretConfiguration : IEntityTypeConfiguration<SiteSecret>
{
    public void Configure(EntityTypeBuilder<SiteSecret> secret)
    {
        secret.HasKey(s => s.Name);
        secret.Property(s => s.Name).HasMaxLength(100);
        secret.Property(s => s.Value).HasMaxLength(64);
    }
}