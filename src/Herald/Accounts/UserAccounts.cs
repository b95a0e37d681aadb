using System.Security.Cryptography;
using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Herald.Accounts;

/// <summary>Creates newsroom accounts, with the byline (author) that goes with each.</summary>
public sealed class UserAccounts(UserManager<HeraldUser> users, RoleManager<IdentityRole> roles, HeraldDbContext db)
{
    public sealed record Created(HeraldUser User, string? GeneratedPassword);

    public async Task<Created> AddAsync(string email, string role, string? password, string? displayName, CancellationToken ct)
    {
        var normalizedRole = Roles.Normalize(role)
            ?? throw new AccountException($"Unknown role \"{role}\": use one of {string.Join(", ", Roles.All)}.");
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            throw new AccountException($"\"{email}\" is not an e-mail address.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new AccountException($"An account for {email} already exists.");
        }

        await EnsureRolesAsync();
        var generated = password is null ? GeneratePassword() : null;
        var name = string.IsNullOrWhiteSpace(displayName) ? email[..email.IndexOf('@')] : displayName.Trim();
        var user = new HeraldUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Check(await users.CreateAsync(user, password ?? generated!));
        Check(await users.AddToRoleAsync(user, normalizedRole));

        db.Authors.Add(new Author { Name = name, Slug = await UniqueAuthorSlugAsync(name, ct), UserId = user.Id });
        await db.SaveChangesAsync(ct);
        return new Created(user, generated);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private ValueTask<string> UniqueAuthorSlugAsync(string name, CancellationToken ct) =>
        Slugs.UniqueAsync(Slugs.From(name), async slug => await db.Authors.AnyAsync(a => a.Slug == slug, ct));

    /// <summary>Twenty characters from an alphabet without look-alikes, about 110 bits.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed class AccountException(string message) : Exception(message);