using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Accounts.ApplicationPasswords;

/// <summary>
/// A password a staff member made for one program (a phone app, a script) to use the WordPress
/// API as them, in WordPress's manner: shown once, kept only as a hash, revoked on its own without
/// touching the account's password.
/// </summary>
public sealed class ApplicationPassword
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>What the person called it ("Phone app"), so they know which to revoke.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the password, stored plainly so a sign-in checks one hash, not every one the account has.</summary>
    public required string Prefix { get; set; }

    /// <summary>ASP.NET Core Identity's hash of the whole password.</summary>
    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class ApplicationPasswordConfiguration : IEntityTypeConfiguration<ApplicationPassword>
{
    public void Configure(EntityTypeBuilder<ApplicationPassword> password)
    {
        password.Property(p => p.UserId).HasMaxLength(450);
        password.Property(p => p.Name).HasMaxLength(ApplicationPassword.MaxNameLength);
        password.Property(p => p.Prefix).HasMaxLength(ApplicationPasswordFormat.PrefixLength);
        password.Property(p => p.PasswordHash).HasMaxLength(1000);
        password.HasIndex(p => new { p.UserId, p.Prefix });
        password.HasOne<HeraldUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}