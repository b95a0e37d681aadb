using System.Text;
using Herald.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Herald.Accounts.PasswordReset;

/// <summary>What a reset came to.</summary>
public enum ResetResult
{
    Changed,

    /// <summary>The link is expired, used, for no account or not copied whole: one answer for all.</summary>
    DeadLink,

    /// <summary>The new password does not meet the rules; the link still works.</summary>
    Refused,
}

public sealed record ResetOutcome(ResetResult Result, IReadOnlyList<string> Problems);

/// <summary>
/// Reset links carry Identity's password-reset token: signed with the site's data-protection
/// keys, valid for <see cref="Lifetime"/>, and bound to the account's security stamp, which the
/// reset itself changes, so a link works once and every session of the account ends with it.
/// </summary>
public sealed class PasswordResets(UserManager<HeraldUser> users, IOptions<DataProtectionTokenProviderOptions> tokens, SiteState site)
{
    public const string Path = "/newsroom/reset-password";

    /// <summary>Generous for a garbled copy, far below what a request line may carry.</summary>
    public const int LongestToken = 2048;

    public TimeSpan Lifetime => tokens.Value.TokenLifespan;

    /// <summary>The absolute link, starting with the site's public origin.</summary>
    public async Task<string> LinkAsync(HeraldUser user, string origin)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{origin}{Path}?user={Uri.EscapeDataString(user.Id)}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
    }

    public async Task<MimeMessage> MessageAsync(HeraldUser user, string link, CancellationToken ct)
    {
        var title = (await site.GetAsync(ct)).Settings.Title;
        var message = new MimeMessage { Subject = $"Choose a new password for the {title} newsroom" };
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? throw new InvalidOperationException("An account without an e-mail address gets no mail.")));
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Hello {user.DisplayName},

                Someone asked to choose a new password for the account {user.Email} in the {title} newsroom.
                If it was you, open this link and choose one:

                {link}

                The link works once, for {Waits.Describe(Lifetime)}. If you did not ask, ignore this mail:
                your password stays as it is.
                """,
        };
        return message;
    }

    /// <summary>The account a link is for, when the link still works; null for every kind of dead link alike.</summary>
    public async Task<HeraldUser?> CheckAsync(string? userId, string? encodedToken)
    {
        if (await FindAsync(userId) is not { } user || Decode(encodedToken) is not { } token)
        {
            return null;
        }
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<HeraldUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }

    public async Task<ResetOutcome> ResetAsync(string? userId, string? encodedToken, string newPassword)
    {
        if (await FindAsync(userId) is not { } user || Decode(encodedToken) is not { } token)
        {
            return new ResetOutcome(ResetResult.DeadLink, []);
        }
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            return new ResetOutcome(ResetResult.Changed, []);
        }
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? new ResetOutcome(ResetResult.DeadLink, [])
            : new ResetOutcome(ResetResult.Refused, [.. result.Errors.Select(e => e.Description)]);
    }

    private async Task<HeraldUser?> FindAsync(string? userId) =>
        userId is { Length: > 0 and <= 64 } ? await users.FindByIdAsync(userId) : null;

    private static string? Decode(string? encoded)
    {
        if (encoded is not { Length: > 0 and <= LongestToken })
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}