using Herald.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Herald.Accounts.ApplicationPasswords;

/// <summary>A staff member's application passwords: made (the password returned once), listed, revoked, checked.</summary>
public sealed class ApplicationPasswords(HeraldDbContext db, IPasswordHasher<HeraldUser> hasher, TimeProvider clock)
{
    /// <summary>Enough for every program a person uses; a limit keeps a stolen session from minting thousands.</summary>
    public const int MaxPerUser = 25;

    public sealed record Created(ApplicationPassword Row, string Password);

    public Task<List<ApplicationPassword>> ListAsync(string userId, CancellationToken ct) =>
        db.Set<ApplicationPassword>().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>Makes a password named <paramref name="name"/>; the problem instead when the name or the number is not acceptable.</summary>
    public async Task<(Created? Made, string? Problem)> CreateAsync(HeraldUser user, string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, "Name the application password after the program that will use it (\"Phone app\", say).");
        }
        if (trimmed.Length > ApplicationPassword.MaxNameLength)
        {
            return (null, $"A name has at most {ApplicationPassword.MaxNameLength} characters; this one has {trimmed.Length}.");
        }
        if (await db.Set<ApplicationPassword>().CountAsync(p => p.UserId == user.Id, ct) >= MaxPerUser)
        {
            return (null, $"You have {MaxPerUser} application passwords already; revoke one you no longer use first.");
        }
        var password = ApplicationPasswordFormat.New();
        var row = new ApplicationPassword
        {
            UserId = user.Id,
            Name = trimmed,
            Prefix = password[..ApplicationPasswordFormat.PrefixLength],
            PasswordHash = hasher.HashPassword(user, password),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (new Created(row, password), null);
    }

    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken ct) =>
        await db.Set<ApplicationPassword>().Where(p => p.UserId == userId && p.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The password of <paramref name="user"/> that <paramref name="typed"/> is, noting its use; null when none is.</summary>
    public async Task<ApplicationPassword?> CheckAsync(HeraldUser user, string typed, CancellationToken ct)
    {
        if (ApplicationPasswordFormat.Normalize(typed) is not { } password)
        {
            return null;
        }
        var prefix = password[..ApplicationPasswordFormat.PrefixLength];
        var candidates = await db.Set<ApplicationPassword>().Where(p => p.UserId == user.Id && p.Prefix == prefix).ToListAsync(ct);
        foreach (var candidate in candidates)
        {
            if (hasher.VerifyHashedPassword(user, candidate.PasswordHash, password) != PasswordVerificationResult.Failed)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // Noted at most once a minute: a busy script would otherwise write on every request.
                if (candidate.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
                {
                    candidate.LastUsedAt = now;
                    await db.SaveChangesAsync(ct);
                }
                return candidate;
            }
        }
        return null;
    }
}