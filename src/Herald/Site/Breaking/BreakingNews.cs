using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Site.Breaking;

/// <summary>
/// The story the site flags as breaking, shown in a banner on every public page. There is at most
/// one: the row's key is fixed, so raising a new story replaces the old one.
/// </summary>
public sealed class BreakingNews
{
    /// <summary>The one row's key.</summary>
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RaisedAt { get; set; }

    /// <summary>UTC; null keeps the banner until an editor clears it.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The editor who raised it, as the newsroom shows them.</summary>
    public string RaisedBy { get; set; } = "";
}

internal sealed class BreakingNewsConfiguration : IEntityTypeConfiguration<BreakingNews>
{
    public void Configure(EntityTypeBuilder<BreakingNews> entry)
    {
        entry.ToTable("BreakingNews");
        entry.Property(b => b.Id).ValueGeneratedNever();
        entry.Property(b => b.RaisedBy).HasMaxLength(256);
        // A deleted story takes its banner with it; the change handler evicts the pages.
        entry.HasOne(b => b.Article).WithMany().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}