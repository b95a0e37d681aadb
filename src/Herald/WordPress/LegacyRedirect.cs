using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.WordPress;

/// <summary>
/// An address the site had before Herald (a WordPress permalink such as /2015/01/hello-world/
/// or /?p=123) that must keep working: a request for it answers 301 to Herald's URL.
/// </summary>
public sealed class LegacyRedirect
{
    public int Id { get; set; }

    /// <summary>The old path and query, normalised: lower-case percent-escapes, no trailing slash, e.g. "/2015/01/hello-world" or "/?p=123".</summary>
    public required string Path { get; set; }

    /// <summary>
    /// The article the old address belonged to. The target URL is worked out when the request
    /// comes, so a later change of slug or date still lands on the right page.
    /// </summary>
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>A fixed Herald path, for old addresses that were not articles (/category/news/ → /category/news).</summary>
    public string? TargetPath { get; set; }
}

internal sealed class LegacyRedirectConfiguration : IEntityTypeConfiguration<LegacyRedirect>
{
    public void Configure(EntityTypeBuilder<LegacyRedirect> redirect)
    {
        redirect.Property(r => r.Path).HasMaxLength(1000);
        redirect.Property(r => r.TargetPath).HasMaxLength(1000);
        redirect.HasIndex(r => r.Path).IsUnique();
        redirect.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}